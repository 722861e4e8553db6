#!/usr/bin/env node
import { runCli } from './run-cli.js';
import { closedPipeSafe } from './closed-pipe-safe.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: closedPipeSafe(process.stdout), stderr: closedPipeSafe(process.stderr), env: process.env });
