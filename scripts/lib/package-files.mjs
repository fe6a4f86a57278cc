// Which files a package holds, for each way of making one:
//   listPackageEntries: what `npm run package` zips (manifest, requirements, translations/, assets/);
//   listZcliEntries:    what `zcli apps:validate|package|create DIR` zips (see zcli-ignore.mjs);
//   listFolderEntries:  an unpacked package as Zendesk reads it (every file but tmp/).
// All three return the same shape, so the validator checks whichever list it is given.
import fs from 'node:fs';
import path from 'node:path';
import { readZcliIgnore, zcliIgnores, zcliIgnoresFolder } from './zcli-ignore.mjs';

export const PACKAGE_ROOTS = ['manifest.json', 'requirements.json', 'translations', 'assets'];

/** Hidden files (.DS_Store, .gitkeep, ...) are never packaged. */
export function isIgnoredName(name) {
  return name.startsWith('.') || name === 'Thumbs.db';
}

/**
 * @typedef {{path: string, abs: string, kind: 'file'|'symlink'|'other', hidden: boolean}} Entry
 *   `path` is relative to the package root with forward slashes; `hidden` when a segment
 *   starts with a dot (Zendesk checks those for symlinks only).
 */

function walk(dir, roots, keep) {
  /** @type {Entry[]} */
  const out = [];
  const visit = (rel, hidden) => {
    const abs = path.join(dir, ...rel.split('/'));
    let st;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        const child = `${rel}/${name}`;
        if (keep(child, name)) visit(child, hidden || name.startsWith('.'));
      }
      return;
    }
    const kind = st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : 'other';
    out.push({ path: rel, abs, kind, hidden });
  };
  for (const root of roots) visit(root, root.startsWith('.'));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What `npm run package` zips. Hidden files are left out. */
export function listPackageEntries(dir) {
  return walk(dir, PACKAGE_ROOTS.filter((r) => fs.existsSync(path.join(dir, r)) || isSymlink(path.join(dir, r))),
    (_rel, name) => !isIgnoredName(name));
}

/**
 * An unpacked package as Zendesk reads it: every file except under tmp/, hidden ones
 * included but marked (the gem skips them, except when looking for symlinks).
 */
export function listFolderEntries(dir) {
  const top = fs.readdirSync(dir).sort().filter((name) => name !== 'tmp');
  return walk(dir, top, () => true);
}

/**
 * What zcli zips for `zcli apps:package DIR`: `**` without dot-files, minus tmp/** and the
 * patterns of DIR/.zcliignore. Symlinks are zipped as links (zcli does not follow them).
 */
export function listZcliEntries(dir) {
  const patterns = readZcliIgnore(dir);
  const top = fs.readdirSync(dir).sort().filter((name) => !name.startsWith('.') && !zcliIgnoresFolder(patterns, name));
  return walk(dir, top, (rel, name) => !name.startsWith('.') && !zcliIgnoresFolder(patterns, rel))
    .filter((e) => !zcliIgnores(patterns, e.path));
}

function isSymlink(abs) {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
