// @vitest-environment node
// The README's zcli route: `zcli apps:validate|package|create .` must upload exactly the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listPackageEntries, listZcliEntries } from './lib/package-files.mjs';
import { makeFixture, removeFixture, writeFile } from './lib/test-fixture.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const paths = (entries) => entries.map((e) => e.path);

const dirs = [];
const fixture = () => {
  const d = makeFixture();
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) removeFixture(dirs.pop());
});

describe('zcli file list of this repository', () => {
  it('is exactly what npm run package zips', () => {
    const zcli = paths(listZcliEntries(repoRoot));
    const pkg = paths(listPackageEntries(repoRoot));
    expect(zcli.filter((p) => !pkg.includes(p)), 'zcli would also upload these: add them to .zcliignore').toEqual([]);
    expect(pkg.filter((p) => !zcli.includes(p)), '.zcliignore drops part of the app').toEqual([]);
    expect(zcli).toContain('manifest.json');
    expect(zcli).toContain('translations/en.json');
  });

  it('keeps the README picture out of the package', () => {
    expect(paths(listPackageEntries(repoRoot)).filter((p) => p.includes('screenshot'))).toEqual([]);
    expect(fs.existsSync(path.join(repoRoot, 'docs/screenshot-workspace.png'))).toBe(true);
    expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('](docs/screenshot-workspace.png)');
  });
});

describe('zcli file list, as zcli builds it', () => {
  const list = (dir, ignore) => {
    if (ignore !== undefined) writeFile(dir, '.zcliignore', ignore);
    return paths(listZcliEntries(dir));
  };
  const app = ['assets/index.html', 'assets/logo-small.png', 'assets/logo.png', 'assets/main.js', 'manifest.json', 'translations/en.json'];

  it('without .zcliignore takes everything but tmp/ and dot-files', () => {
    const dir = fixture();
    writeFile(dir, 'tmp/old.zip', 'PK');
    writeFile(dir, 'README.md', '# x');
    writeFile(dir, '.env', 'x');
    writeFile(dir, 'e2e/.out/a.png', 'x');
    expect(list(dir)).toEqual(['README.md', ...app.slice(0, 5), 'node_modules/x/index.js', 'src/main.ts', 'translations/en.json']);
  });

  it('a folder name alone drops only the folder entry, not its files (minimatch, not gitignore)', () => {
    const dir = fixture();
    expect(list(dir, 'node_modules\nsrc/\n')).toContain('node_modules/x/index.js');
    expect(list(dir, 'node_modules\nsrc/\n')).toContain('src/main.ts');
    expect(list(dir, 'node_modules/**\nsrc/**\n')).toEqual(app);
  });

  it('skips comments and blank lines, keeps trailing spaces, reads CRLF', () => {
    const dir = fixture();
    expect(list(dir, '# src/**\r\n\r\nnode_modules/**\r\n')).toEqual([...app.slice(0, 5), 'src/main.ts', 'translations/en.json']);
    expect(list(dir, 'src/** \nnode_modules/**')).toContain('src/main.ts');
  });

  it('matches * within one segment, ** across segments, {a,b} and [..]', () => {
    const dir = fixture();
    writeFile(dir, 'docs/a/b.md', 'x');
    writeFile(dir, 'README.md', 'x');
    writeFile(dir, 'assets/x.map', 'x');
    const got = list(dir, 'node_modules/**\n{src,docs}/**\n*.md\n**/*.ma[p]\n');
    expect(got).toEqual(app);
    expect(list(dir, 'node_modules/**\nsrc/**\ndocs/**\nREADME.md\n*.map\n')).toContain('assets/x.map');
  });

  it('a leading ! ignores everything that does not match (no re-including as in gitignore)', () => {
    const dir = fixture();
    expect(list(dir, '!assets/**\n')).toEqual(app.slice(0, 4));
  });

  it('lists symlinks as links (zcli does not follow them)', () => {
    const dir = fixture();
    fs.symlinkSync('/etc/hostname', path.join(dir, 'assets/link'));
    const entry = listZcliEntries(dir).find((e) => e.path === 'assets/link');
    expect(entry?.kind).toBe('symlink');
  });
});
