#!/usr/bin/env node
// Offline check of a ZAF app package: `npm run validate [-- dir|file.zip] [--as=LIST] [--zaf-minimum]`.
//   dir            app root (default: the repository root)
//   file.zip       a package, checked as Zendesk reads an upload
//   --as=package   check the files `npm run package` zips (the default for a folder)
//   --as=zcli      check the files `zcli apps:validate|package|create dir` would zip
//   --as=folder    the folder is an unpacked package: every file in it counts
//   --zaf-minimum  only require the listing texts (short/long description, installation
//                  instructions) when the app is public, as Zendesk does. By default Tagwise
//                  requires them always.
// Exit code: 0 when no errors (warnings are printed), 1 on errors, 2 on usage.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILE_LISTS, validateApp, validateZip, formatProblem, hasErrors } from './lib/validate-app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node scripts/validate.mjs [dir|file.zip] [--as=${Object.keys(FILE_LISTS).join('|')}] [--zaf-minimum]`;

export function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  const as = flags.find((f) => f.startsWith('--as='))?.slice(5);
  const unknown = flags.filter((f) => f !== '--zaf-minimum' && !f.startsWith('--as='));
  if (unknown.length || args.length > 1 || (as !== undefined && !FILE_LISTS[as])) {
    console.error(USAGE);
    return 2;
  }
  const target = path.resolve(args[0] ?? repoRoot);
  const options = { requireListingTexts: !flags.includes('--zaf-minimum'), files: as ?? 'package' };
  let problems;
  try {
    problems = target.endsWith('.zip') ? validateZip(target, options) : validateApp(target, options);
  } catch (err) {
    console.error(`validate: cannot read ${target}: ${err instanceof Error ? err.message : err}`);
    return 1;
  }
  for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  const what = target.endsWith('.zip') ? target : `${target} (files: ${options.files})`;
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(problems)) {
    console.error(`validate: ${errors} problem${errors === 1 ? '' : 's'} in ${what}`);
    return 1;
  }
  const warnings = problems.length;
  console.log(`validate: OK (${what}${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
