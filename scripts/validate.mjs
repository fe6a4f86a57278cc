#!/usr/bin/env node
// Offline check of a ZAF app folder: `npm run validate [-- dir] [--zaf-minimum]`.
//   dir            app root (default: the repository root)
//   --zaf-minimum  only require the listing texts (short/long description,
//                  installation instructions) when the app is public, as
//                  Zendesk does. By default Tagwise requires them always.
// Exit code: 0 when no errors (warnings are printed), 1 on errors, 2 on usage.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateApp, formatProblem, hasErrors } from './lib/validate-app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--zaf-minimum');
  if (unknown.length || args.length > 1) {
    console.error(`usage: node scripts/validate.mjs [dir] [--zaf-minimum]`);
    return 2;
  }
  const dir = path.resolve(args[0] ?? repoRoot);
  const problems = validateApp(dir, { requireListingTexts: !flags.includes('--zaf-minimum') });
  for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(problems)) {
    console.error(`validate: ${errors} problem${errors === 1 ? '' : 's'} in ${dir}`);
    return 1;
  }
  console.log(`validate: OK (${dir})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
