#!/usr/bin/env node
// `npm start`: install if needed, build the app, then serve the local agent workspace (with the
// local Zendesk API) and the app's assets from a second origin. Ctrl-C stops everything.
//
//   HOST_PORT (default 4580)  workspace + API, http://127.0.0.1:HOST_PORT
//   APP_PORT  (default 4581)  app assets,      http://localhost:APP_PORT/assets/index.html
//   --no-build                skip `npm run build` (serve whatever assets/ holds)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = new Set(process.argv.slice(2));

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {null | (() => Promise<void>)} */
let closeServers = null;
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  if (closeServers) await closeServers().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

/** @param {string} command @param {string[]} commandArgs @returns {Promise<number>} */
function run(command, commandArgs) {
  console.log(`\n> ${command} ${commandArgs.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
    children.add(child);
    child.on('error', () => resolve(1));
    child.on('close', (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

if (!existsSync(path.join(root, 'node_modules'))) {
  const code = await run(npm, ['ci']);
  if (code !== 0) {
    console.error('\n`npm ci` failed: cannot start without dependencies.');
    await stop(code);
  }
}

if (!args.has('--no-build')) {
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) {
    console.error(
      '\n!! The app did not build (see the errors above). The workspace starts anyway' +
        (existsSync(path.join(root, 'assets', 'index.html'))
          ? ' with the previous build in assets/.'
          : ': the sidebar will stay empty until `npm run build` succeeds.'),
    );
  }
}
if (stopping) process.exit(130);

const { startLocalZendesk } = await import('../dev/server.mjs');
const local = await startLocalZendesk({
  hostPort: Number(process.env.HOST_PORT ?? 4580),
  appPort: Number(process.env.APP_PORT ?? 4581),
  host: '127.0.0.1',
  quiet: !process.env.VERBOSE,
}).catch((error) => {
  console.error(`\nCould not start the servers: ${error.message}`);
  console.error('Another `npm start` may be running; set HOST_PORT / APP_PORT to use other ports.');
  process.exit(1);
});
closeServers = () => local.close();

const line = '─'.repeat(64);
console.log(`\n${line}`);
console.log(`  Tagwise local agent workspace:  ${local.workspaceUrl}`);
console.log(`    ticket:        ${local.workspaceUrl}#/tickets/1`);
console.log(`    user:          ${local.workspaceUrl}#/users/101`);
console.log(`    organization:  ${local.workspaceUrl}#/organizations/201`);
console.log(`  App assets served from:         ${local.appOrigin}/assets/`);
console.log(`  Local Zendesk API:              ${local.hostOrigin}/api/v2/  (controls: /__control/)`);
console.log(`  Rebuild after changes with \`npm run build\` and reload the page. Ctrl-C stops.`);
console.log(`${line}\n`);
