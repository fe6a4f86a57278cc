#!/usr/bin/env node
// `npm run test:e2e`: browser tests (node:test + playwright-core + Debian chromium).
// Builds the app only when assets/index.html is missing, then runs e2e/*.e2e.mjs two files at
// a time (the machine has two cores), once per browser mode: storage refused (this Chromium's
// default for the cross-site app frame) and storage allowed. A file named *.refused.e2e.mjs or
// *.allowed.e2e.mjs runs in its own mode only. TAGWISE_E2E_STORAGE=refused|allowed runs one mode. Exit code = the tests' result. Extra arguments go to
// `node --test` (e.g. `npm run test:e2e -- --test-name-pattern=closed`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env] @returns {Promise<number>} */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: ${chromium} is missing. Install it with: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

if (!existsSync(path.join(root, 'assets', 'index.html'))) {
  console.log('e2e: assets/index.html is missing, building the app first…');
  const code = await run(npm, ['run', 'build', '--silent']);
  if (code !== 0) {
    console.error('e2e: the build failed; browser tests need the built app.');
    process.exit(code);
  }
}

const files = readdirSync(path.join(root, 'e2e'))
  .filter((f) => f.endsWith('.e2e.mjs'))
  .sort()
  .map((f) => path.join('e2e', f));
if (files.length === 0) {
  console.error('e2e: no e2e/*.e2e.mjs files');
  process.exit(1);
}

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const concurrency = Math.max(1, Math.min(2, cores));
const modes = process.env.TAGWISE_E2E_STORAGE ? [process.env.TAGWISE_E2E_STORAGE] : ['refused', 'allowed'];
const started = Date.now();
let code = 0;
for (const mode of modes) {
  const own = files.filter((f) => !/\.(refused|allowed)\.e2e\.mjs$/.test(f) || f.endsWith(`.${mode}.e2e.mjs`));
  console.log(`\ne2e: storage ${mode}: ${own.length} files`);
  const result = await run(
    process.execPath,
    [
      '--test',
      // spec output: the `ℹ pass N` / `ℹ fail N` summary lines scripts/test.mjs reads (one block per mode)
      '--test-reporter=spec',
      `--test-concurrency=${concurrency}`,
      // Per file: the 20-round typing test (exactTyping) needs about 25 s on an idle machine and
      // up to 2 minutes on this 2-core machine while other jobs run.
      '--test-timeout=240000',
      ...process.argv.slice(2),
      ...own,
    ],
    { ...process.env, TAGWISE_E2E_STORAGE: mode },
  );
  if (result !== 0) code = result;
}
console.log(`e2e: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s, modes: ${modes.join(', ')}`);
process.exit(code);
