// What goes into the app package: manifest.json, translations/** and assets/**.
// Shared by the validator (which checks exactly these files) and the packager.
import fs from 'node:fs';
import path from 'node:path';

export const PACKAGE_ROOTS = ['manifest.json', 'translations', 'assets'];

/** Hidden files (.DS_Store, .gitkeep, ...) are never packaged. */
export function isIgnoredName(name) {
  return name.startsWith('.') || name === 'Thumbs.db';
}

/**
 * List the entries that would be packaged, without following symlinks.
 * @returns {{path: string, abs: string, kind: 'file'|'symlink'|'other'}[]}
 *   `path` is relative to dir with forward slashes; sorted.
 */
export function listPackageEntries(dir) {
  const out = [];
  const visit = (rel) => {
    const abs = path.join(dir, ...rel.split('/'));
    let st;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) out.push({ path: rel, abs, kind: 'symlink' });
    else if (st.isFile()) out.push({ path: rel, abs, kind: 'file' });
    else if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        if (!isIgnoredName(name)) visit(`${rel}/${name}`);
      }
    } else out.push({ path: rel, abs, kind: 'other' });
  };
  for (const root of PACKAGE_ROOTS) visit(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
