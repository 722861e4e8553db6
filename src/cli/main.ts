#!/usr/bin/env node
import { buildProgram } from './program.js';
import { reportFailure } from './report-failure.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = reportFailure(error);
  });
