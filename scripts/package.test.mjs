// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createZip, readZip } from './lib/zip.mjs';
import { packageApp, packageFileName } from './lib/package-app.mjs';
import { encodePng, readPngSize } from './lib/png.mjs';
import { drawLogo } from './make-logos.mjs';
import { makeFixture, removeFixture, writeFile, writeJson } from './lib/test-fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const hasUnzip = spawnSync('sh', ['-c', 'command -v unzip'], { encoding: 'utf8' }).status === 0;

const dirs = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tagwise-zip-'));
  dirs.push(d);
  return d;
};
const fixture = () => {
  const d = makeFixture();
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) removeFixture(dirs.pop());
});

describe('zip writer', () => {
  // incompressible but deterministic: a chain of SHA-256 blocks
  const binary = Buffer.concat(Array.from({ length: 160 }, (_, i) => createHash('sha256').update(String(i)).digest()));
  const entries = [
    { name: 'manifest.json', data: '{"name":"Tagwise"}\n'.repeat(20) },
    { name: 'translations/pt-br.json', data: '{"app":{"name":"Etiquetas ção"}}' },
    { name: 'assets/ünïcode name.txt', data: 'x' },
    { name: 'assets/empty.txt', data: '' },
    { name: 'assets/random.bin', data: binary },
  ];

  it('round-trips names and contents through its own reader', () => {
    const zip = createZip(entries);
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(e.data.equals(Buffer.from(entries[i].data))).toBe(true));
    // compressible text is deflated, incompressible data is stored
    expect(back[0].method).toBe(8);
    expect(back[4].method).toBe(0);
  });

  it('is deterministic for fixed timestamps', () => {
    const at = new Date(2024, 4, 1, 12, 30, 10);
    const a = createZip(entries.map((e) => ({ ...e, mtime: at })));
    const b = createZip(entries.map((e) => ({ ...e, mtime: at })));
    expect(a.equals(b)).toBe(true);
  });

  it('refuses unsafe and duplicate names', () => {
    expect(() => createZip([{ name: '../x', data: '' }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: '/abs', data: '' }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: 'a', data: '' }, { name: 'a', data: '' }])).toThrow(/duplicate/);
  });

  it('the reader detects corruption', () => {
    const zip = createZip([{ name: 'a.txt', data: 'hello hello hello hello hello' }]);
    const corrupt = Buffer.from(zip);
    corrupt[35] ^= 0xff; // inside the deflated body of the first entry
    expect(() => readZip(corrupt)).toThrow();
  });

  it.skipIf(!hasUnzip)('is accepted by Info-ZIP unzip', () => {
    const file = path.join(tempDir(), 'test.zip');
    fs.writeFileSync(file, createZip(entries));
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    expect(list.stdout.trim().split('\n')).toEqual(entries.map((e) => e.name));
    const out = spawnSync('unzip', ['-p', file, 'assets/random.bin']);
    expect(out.stdout.equals(binary)).toBe(true);
  });
});

describe('packageApp', () => {
  it('names the file after the manifest', () => {
    expect(packageFileName({ name: 'Tagwise', version: '1.0.0' })).toBe('tagwise-1.0.0.zip');
    expect(packageFileName({ name: 'My  App!', version: '2.0.0-rc.1' })).toBe('my-app-2.0.0-rc.1.zip');
  });

  it('packages manifest, translations and assets only, and the content round-trips', () => {
    const dir = fixture();
    writeJson(dir, 'translations/pt-br.json', { app: { name: 'Tagwise' } });
    writeFile(dir, 'assets/chunks/app-abc123.js', 'export const x = 1;\n');
    writeFile(dir, 'package.json', '{}');
    writeFile(dir, 'tmp/old.zip', 'PK');
    const out = path.join(dir, 'tmp', 'tagwise-1.0.0.zip');
    const result = packageApp(dir, out);
    const expected = [
      'assets/chunks/app-abc123.js',
      'assets/index.html',
      'assets/logo-small.png',
      'assets/logo.png',
      'assets/main.js',
      'manifest.json',
      'translations/en.json',
      'translations/pt-br.json',
    ];
    expect(result.entries).toEqual(expected);
    const back = readZip(fs.readFileSync(out));
    expect(back.map((e) => e.name)).toEqual(expected);
    for (const e of back) expect(e.data.equals(fs.readFileSync(path.join(dir, e.name)))).toBe(true);
    if (hasUnzip) {
      const list = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' });
      expect(list.stdout.trim().split('\n')).toEqual(expected);
    }
  });

  it('packages requirements.json when there is one', () => {
    const dir = fixture();
    writeJson(dir, 'requirements.json', { targets: {} });
    const result = packageApp(dir, path.join(dir, 'tmp', 'x.zip'));
    expect(result.entries).toContain('requirements.json');
  });

  it('refuses to package a symlink', () => {
    const dir = fixture();
    fs.symlinkSync('/etc/hostname', path.join(dir, 'assets/link'));
    expect(() => packageApp(dir, path.join(dir, 'tmp/x.zip'))).toThrow(/assets\/link/);
  });
});

describe('package CLI (--skip-build)', () => {
  const run = (...args) => spawnSync(process.execPath, [path.join(here, 'package.mjs'), ...args], { encoding: 'utf8' });

  it('writes tmp/<name>-<version>.zip for a valid app', () => {
    const dir = fixture();
    const r = run(dir, '--skip-build');
    expect(r.status, r.stderr).toBe(0);
    const zip = path.join(dir, 'tmp', 'tagwise-1.0.0.zip');
    expect(r.stdout).toContain('tagwise-1.0.0.zip (6 files,');
    expect(readZip(fs.readFileSync(zip)).map((e) => e.name)).toContain('manifest.json');
  });

  it('packages nothing when validation fails', () => {
    const dir = fixture();
    fs.rmSync(path.join(dir, 'assets/index.html'));
    const r = run(dir, '--skip-build');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not a file in the package (run npm run build)');
    expect(r.stderr).toContain('package: validation failed; nothing packaged');
    expect(fs.existsSync(path.join(dir, 'tmp'))).toBe(false);
  });

  it('stops when the build fails', () => {
    const dir = fixture();
    writeJson(dir, 'package.json', { name: 'x', private: true, scripts: { build: 'exit 3' } });
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('package: build failed (exit 3)');
  });
});

describe('PNG encoder and logos', () => {
  it('encodes a PNG whose IHDR and pixels decode back', () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => i * 10);
    const png = encodePng(3, 2, rgba);
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    // IDAT = zlib(filter byte + row) per scanline
    const idatLen = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    const raw = zlib.inflateSync(png.subarray(41, 41 + idatLen));
    expect(raw.length).toBe(2 * (1 + 12));
    expect([...raw.subarray(1, 13)]).toEqual([...rgba.subarray(0, 12)]);
    // every chunk's CRC covers type + data
    let p = 8;
    while (p < png.length) {
      const len = png.readUInt32BE(p);
      const crc = zlib.crc32(png.subarray(p + 4, p + 8 + len)) >>> 0;
      expect(png.readUInt32BE(p + 8 + len)).toBe(crc);
      p += 12 + len;
    }
  });

  it('readPngSize rejects non-PNG data', () => {
    expect(readPngSize(Buffer.from('not a png at all, but long enough to read'))).toBeNull();
    expect(readPngSize(Buffer.alloc(4))).toBeNull();
  });

  it('the committed logos have the required sizes and match the generator', () => {
    const assets = path.resolve(here, '..', 'assets');
    for (const [name, size] of [['logo.png', 320], ['logo-small.png', 128]]) {
      const file = fs.readFileSync(path.join(assets, name));
      expect(readPngSize(file)).toEqual({ width: size, height: size });
      expect(file.equals(drawLogo(size))).toBe(true);
    }
  });
});
