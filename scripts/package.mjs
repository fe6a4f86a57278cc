#!/usr/bin/env node
// `npm run package [-- dir] [--skip-build]`: build (vite), validate, then write
// tmp/<name>-<version>.zip with manifest.json, requirements.json, translations/** and assets/**.
// Offline; `zcli apps:package` does the same but needs a Zendesk account.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateApp, formatProblem, hasErrors } from './lib/validate-app.mjs';
import { packageApp, packageFileName } from './lib/package-app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (args.length > 1 || flags.some((f) => f !== '--skip-build')) {
    console.error('usage: node scripts/package.mjs [dir] [--skip-build]');
    return 2;
  }
  const dir = path.resolve(args[0] ?? repoRoot);

  if (!flags.includes('--skip-build')) {
    console.log('package: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error(`package: build failed (exit ${build.status ?? build.signal}); nothing packaged`);
      return 1;
    }
  }

  const problems = validateApp(dir);
  for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  if (hasErrors(problems)) {
    console.error('package: validation failed; nothing packaged');
    return 1;
  }

  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const out = path.join(dir, 'tmp', packageFileName(manifest));
  const result = packageApp(dir, out);
  console.log(`package: wrote ${path.relative(process.cwd(), out) || out} (${result.entries.length} files, ${result.bytes} bytes)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
