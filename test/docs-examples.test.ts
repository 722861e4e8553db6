import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/program.js';
import { repoRoot } from './support/repo-paths.js';

// Issue 10 part 6: every command the README and docs/*.md show names commands and options the program accepts,
// and runs as written in bash (a `;` outside quotes would end the command there).
const documents = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join('docs', name))];
const launchers = /^(?:clef|npx clef|npx tsx src\/cli\/main\.ts|npm run clef --)\s+/;

interface Example {
  readonly where: string;
  readonly text: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const document of documents) {
    const lines = readFileSync(join(repoRoot, document), 'utf8').split('\n');
    let fenced = false;
    lines.forEach((line, i) => {
      const where = `${document}:${i + 1}`;
      if (line.startsWith('```')) fenced = !fenced;
      else if (fenced) {
        if (launchers.test(line.trim())) found.push({ where, text: line.trim() });
      } else for (const match of line.matchAll(/`([^`]+)`/g)) if (launchers.test(match[1])) found.push({ where, text: match[1] });
    });
  }
  return found;
}

function optionsOf(command: Command): Set<string> {
  return new Set(['--help', '-h', ...command.options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag)))]);
}

/** What is wrong with one example: an unknown command or option, or a `;` the shell would act on. */
function problemsOf(text: string): string[] {
  const problems: string[] = [];
  const tokens = text.replace(launchers, '').split(/\s+/);
  let command: Command = buildProgram();
  let rest = 0;
  for (; rest < tokens.length; rest++) {
    const alternatives = tokens[rest].split('|').filter(Boolean);
    const subcommands = alternatives.map((name) => command.commands.find((sub) => sub.name() === name));
    if (subcommands[0] === undefined) break;
    for (const [i, sub] of subcommands.entries()) if (!sub) problems.push(`${command.name()} has no command ${alternatives[i]}`);
    command = subcommands[0];
  }
  // A command that only groups others takes no arguments: a word after it is a misspelt command.
  const groups = command.commands.length > 0 && command.registeredArguments.length === 0;
  if (groups && rest < tokens.length && /^[a-z][a-z-]*$/.test(tokens[rest])) problems.push(`${command.name()} has no command ${tokens[rest]}`);
  const known = optionsOf(command);
  for (const token of tokens.slice(rest)) {
    for (const [flag] of token.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)) if (!known.has(flag)) problems.push(`${command.name()} has no option ${flag}`);
  }
  let quote: string | undefined;
  for (const c of text) {
    if (quote) quote = c === quote ? undefined : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === ';') problems.push('a `;` outside quotes ends the command in bash');
  }
  return problems;
}

test('every clef command shown in the README and docs names commands and options the program accepts, quoted for bash', () => {
  const all = examples();
  assert.ok(all.length > 40, `only ${all.length} examples found`);
  const problems = all.flatMap((example) => problemsOf(example.text).map((problem) => `${example.where}: ${example.text}\n  ${problem}`));
  assert.deepEqual(problems, []);
});

test('the checker catches an unknown command, an unknown option and an unquoted ;', () => {
  assert.deepEqual(problemsOf('clef works serch x'), ['works has no command serch']);
  assert.deepEqual(problemsOf('clef works search x --limt 3'), ['search has no option --limt']);
  assert.deepEqual(problemsOf('clef members add --rights PR;MR'), ['a `;` outside quotes ends the command in bash']);
  assert.deepEqual(problemsOf("clef members add --rights 'PR;MR'"), []);
});

test('every npm script the README and docs name exists', () => {
  const scripts = Object.keys((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  const named = documents.flatMap((document) => [...readFileSync(join(repoRoot, document), 'utf8').matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]));
  assert.ok(named.includes('demo'));
  assert.deepEqual(named.filter((name) => !scripts.includes(name)), []);
});
