#!/usr/bin/env node
// `npm test`: everything a submission must pass, in the order that fails fastest.
// Prints one closing line "N passed, N failed" over unit, component and browser tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(label, command, args, { capture = false } = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    let out = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        process.stdout.write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const totals = { passed: 0, failed: 0 };
const failures = [];
/** Names of failed tests, repeated at the end: CI may keep only the tail of the output. */
const failedTests = [];

async function step(label, command, args) {
  const { code } = await run(label, command, args);
  if (code !== 0) failures.push(label);
  return code === 0;
}

if (!existsSync(join(root, 'node_modules'))) await step('install', 'npm', ['ci']);

await step('type-check (strict)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);

mkdirSync(join(root, 'tmp'), { recursive: true });
const vitestJson = join(root, 'tmp', 'vitest-results.json');
const unit = await run('unit and component tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const results = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  for (const file of results.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') failedTests.push(`${file.name.replace(`${root}/`, '')} > ${test.fullName}`);
    }
  }
}
if (unit.code !== 0) failures.push('unit and component tests');

const built = await step('build', 'npm', ['run', 'build', '--silent']);
if (built) {
  await step('validate the package', 'npm', ['run', 'validate', '--silent']);
  await step('validate what zcli would upload', 'npm', ['run', 'validate', '--silent', '--', '--as=zcli']);
}

if (existsSync(join(root, 'e2e', 'run.mjs'))) {
  if (built) {
    const e2e = await run('browser tests', 'node', ['e2e/run.mjs'], { capture: true });
    // One summary block per browser mode.
    for (const [, n] of e2e.out.matchAll(/^ℹ pass (\d+)/gm)) totals.passed += Number(n);
    for (const [, n] of e2e.out.matchAll(/^ℹ fail (\d+)/gm)) totals.failed += Number(n);
    for (const [, name] of e2e.out.matchAll(/^✖ (.+?)(?: \(\d[\d.]*ms\))?$/gm)) failedTests.push(`browser > ${name}`);
    if (e2e.code !== 0) failures.push('browser tests');
  } else {
    failures.push('browser tests (not run: the build failed)');
  }
}

console.log('');
if (failedTests.length) console.log(`Failed tests:\n${[...new Set(failedTests)].map((name) => `  ${name}`).join('\n')}`);
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
