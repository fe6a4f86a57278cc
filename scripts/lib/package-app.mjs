// Build the app's ZIP from the files listed by package-files.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { listPackageEntries } from './package-files.mjs';
import { createZip } from './zip.mjs';

/** `tagwise-1.0.0.zip` from the manifest's name and version. */
export function packageFileName(manifest) {
  const slug = String(manifest.name ?? 'app').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
  return `${slug}-${manifest.version}.zip`;
}

/**
 * Zip manifest.json, translations/** and assets/** of `dir` into `outFile`.
 * Refuses symlinks and non-regular files (validate first for a full report).
 * @returns {{file: string, entries: string[], bytes: number}}
 */
export function packageApp(dir, outFile) {
  const entries = listPackageEntries(dir);
  const bad = entries.filter((e) => e.kind !== 'file');
  if (bad.length) throw new Error(`cannot package non-regular files: ${bad.map((e) => e.path).join(', ')}`);
  const zip = createZip(
    entries.map((e) => ({ name: e.path, data: fs.readFileSync(e.abs), mtime: fs.statSync(e.abs).mtime })),
  );
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip);
  return { file: outFile, entries: entries.map((e) => e.path), bytes: zip.length };
}
