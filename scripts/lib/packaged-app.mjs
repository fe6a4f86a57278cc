// Test helper: this repository's app as `npm run package` zips it, unpacked into temp folders.
// Vitest runs before the build in `npm test`; on a checkout without a build the built part
// (assets/index.html, assets/background.html and their bundles) is a stand-in that holds what the real bundle holds for
// the checks: an SVG namespace URL and a `token:` property.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackageEntries } from './package-files.mjs';
import { createZip, readZip } from './zip.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const STAND_IN_BUILD = [
  ['assets/index.html', '<!doctype html><html><head><script type="module" src="./build/index.js"></script></head><body></body></html>\n'],
  ['assets/build/index.js', 'const s="http://www.w3.org/2000/svg";export function split(e){return{before:e,token:e.slice(1)}}\n'],
  // The background location's own page (manifest.json names it).
  ['assets/background.html', '<!doctype html><html><head><script type="module" src="./build/background.js"></script></head><body></body></html>\n'],
  ['assets/build/background.js', 'export const share="tagwise.account.share";\n'],
];

let zipped;

/** The package's zip, built once per test file from the repository's package files. */
export function packagedZip() {
  if (zipped) return zipped;
  const files = listPackageEntries(repoRoot)
    .filter((e) => e.kind === 'file')
    .map((e) => ({ name: e.path, data: fs.readFileSync(e.abs), mtime: 0 }));
  const built = files.some((f) => f.name === 'assets/index.html');
  if (!built) for (const [name, data] of STAND_IN_BUILD) files.push({ name, data: Buffer.from(data), mtime: 0 });
  zipped = { zip: createZip(files.sort((a, b) => (a.name < b.name ? -1 : 1))), built };
  return zipped;
}

let base;

/**
 * A fresh temp folder holding the unpacked package. Its files are hard links to one unpacked
 * copy (cheap to make 108 times), so a test must replace a file, never write into it: see
 * replaceFile.
 */
export function unpackedApp(prefix = 'tagwise-variant-') {
  if (!base) {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'tagwise-packaged-'));
    process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
    for (const e of readZip(packagedZip().zip)) {
      const out = path.join(base, ...e.name.split('/'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, e.data);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const copy = (rel) => {
    for (const name of fs.readdirSync(path.join(base, rel))) {
      const child = path.join(rel, name);
      if (fs.statSync(path.join(base, child)).isDirectory()) {
        fs.mkdirSync(path.join(dir, child));
        copy(child);
      } else fs.linkSync(path.join(base, child), path.join(dir, child));
    }
  };
  copy('');
  return dir;
}

/** Write a file of an unpacked app without touching the copy it may be linked to. */
export function replaceFile(file, data) {
  fs.rmSync(file, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}
