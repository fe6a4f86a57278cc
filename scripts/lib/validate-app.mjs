// Offline checks of a ZAF app package against the rules Zendesk applies on upload
// (zendesk_apps_support, and the upload limits documented beside it). Each problem says
// which of Zendesk's error keys it stands for, or that it is stricter than Zendesk on purpose.
// Reads files under `dir`, never writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFolderEntries, listPackageEntries, listZcliEntries } from './package-files.mjs';
import { readZip } from './zip.mjs';
import { createContext } from './validate/context.mjs';
import { checkFiles } from './validate/files.mjs';
import { checkManifest } from './validate/manifest.mjs';
import { checkRequirements } from './validate/requirements.mjs';
import { checkSecrets } from './validate/secrets.mjs';
import { checkSvgs } from './validate/svg.mjs';
import { checkTranslations } from './validate/translations.mjs';
import { warnAsZendesk } from './validate/zendesk-warnings.mjs';

/** @typedef {import('./validate/context.mjs').Problem} Problem */

export const FILE_LISTS = {
  package: listPackageEntries, // what npm run package zips from a source folder
  zcli: listZcliEntries, // what zcli apps:package zips from it
  folder: listFolderEntries, // an unpacked package, every file counted
};

/**
 * @param {string} dir the app root (the folder holding manifest.json)
 * @param {{files?: keyof typeof FILE_LISTS, requireListingTexts?: boolean}} [options]
 *   files (default 'package'): which of dir's files make the package.
 *   requireListingTexts (default true): require app.short_description, long_description and
 *   installation_instructions from a private app too (Zendesk only asks public apps).
 * @returns {Problem[]}
 */
export function validateApp(dir, options = {}) {
  const list = FILE_LISTS[options.files ?? 'package'];
  if (!list) throw new Error(`unknown file list "${options.files}" (one of ${Object.keys(FILE_LISTS).join(', ')})`);
  const ctx = createContext(list(dir), { requireListingTexts: options.requireListingTexts ?? true });
  const manifest = checkManifest(ctx);
  checkTranslations(ctx, manifest);
  checkRequirements(ctx, manifest);
  checkFiles(ctx, { withLogos: ctx.has('manifest.json') });
  checkSvgs(ctx);
  checkSecrets(ctx);
  warnAsZendesk(ctx);
  return ctx.problems;
}

/** Validate a zip as Zendesk reads an upload: every entry it holds. */
export function validateZip(zipFile, options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tagwise-validate-'));
  try {
    for (const e of readZip(fs.readFileSync(zipFile))) {
      if (e.name.endsWith('/')) continue;
      if (e.name.startsWith('/') || e.name.split('/').includes('..')) throw new Error(`zip: unsafe entry name "${e.name}"`);
      const out = path.join(dir, ...e.name.split('/'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, e.data);
    }
    return validateApp(dir, { ...options, files: 'folder' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per problem: `file: message`, warnings prefixed. */
export function formatProblem(p) {
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}: ${p.message}`;
}

export const hasErrors = (problems) => problems.some((p) => p.severity === 'error');
