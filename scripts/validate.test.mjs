// @vitest-environment node
// The validator beyond Zendesk's 108 variants (zendesk-variants.test.mjs): which files it
// reads, secrets by value, icon rules, the stricter-on-purpose rules, and the CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateApp, validateZip, formatProblem } from './lib/validate-app.mjs';
import { packageApp } from './lib/package-app.mjs';
import { main } from './validate.mjs';
import { makeFixture, removeFixture, writeFile, writeJson } from './lib/test-fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const cli = path.join(here, 'validate.mjs');

const dirs = [];
function fixture() {
  const dir = makeFixture();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) removeFixture(dirs.pop());
});

const readJson = (dir, rel) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
const editManifest = (fn) => (dir) => {
  const m = readJson(dir, 'manifest.json');
  fn(m);
  writeJson(dir, 'manifest.json', m);
};
const editEn = (fn) => (dir) => {
  const t = readJson(dir, 'translations/en.json');
  fn(t);
  writeJson(dir, 'translations/en.json', t);
};
const both = (...changes) => (dir) => changes.forEach((change) => change(dir));
const labelled = (name) => editEn((t) => { t.app.parameters = { [name]: { label: `Label of ${name}` } }; });
const lines = (dir, options) => validateApp(dir, options).map(formatProblem);
const errors = (dir, options) => validateApp(dir, options).filter((p) => p.severity === 'error').map(formatProblem);
const M = 'manifest.json: ';
const TS = 'location.support.ticket_sidebar';
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18">';
const withIcon = (inner, open = ICON) => (d) => writeFile(d, 'assets/icon_nav_bar.svg', `${open}${inner}</svg>`);

describe('a valid app', () => {
  it('gets no error and no warning', () => {
    expect(lines(fixture())).toEqual([]);
  });

  it('may vary in what Zendesk allows', () => {
    const dir = fixture();
    editManifest((m) => {
      m.version = '2.10.3-beta.1';
      m.location.support.ticket_sidebar = 'assets/index.html';
      m.location.support.user_sidebar = { url: 'https://apps.tagwise.example/index.html' };
      m.location.support.organization_sidebar = { url: 'http://localhost:4567/index.html', flexible: false };
      m.location.support.nav_bar = { url: 'assets/index.html' };
      delete m.author.url;
      m.parameters = [
        { name: 'subdomain', type: 'text', required: true },
        { name: 'api_token', type: 'text', secure: true, scopes: ['header'] },
      ];
    })(dir);
    editEn((t) => { t.app.parameters = { subdomain: { label: 'Subdomain' }, api_token: { label: 'API token' } }; })(dir);
    withIcon('<path fill="currentColor" d="M2 2h14v14H2z"/>')(dir);
    writeJson(dir, 'translations/pt-br.json', { app: { name: 'Tagwise', parameters: { api_token: { label: 'Token da API' } } } });
    writeJson(dir, 'translations/fil.json', {});
    writeJson(dir, 'translations/es-419.json', {});
    expect(lines(dir)).toEqual([]);
  });
});

describe('this repository', () => {
  // vitest runs before the build in npm test; the build's own check is `npm run validate`
  const unbuilt = (l) => !fs.existsSync(path.join(repoRoot, 'assets/index.html')) && l.includes('is not a file in the package (run npm run build)');

  it('validates as npm run package zips it', () => {
    expect(errors(repoRoot).filter((l) => !unbuilt(l))).toEqual([]);
  });

  it('validates as zcli would zip it', () => {
    expect(errors(repoRoot, { files: 'zcli' }).filter((l) => !unbuilt(l))).toEqual([]);
  });

  it('without its .zcliignore, zcli would upload what Zendesk refuses', () => {
    const dir = fixture();
    writeFile(dir, 'node_modules/playwright-core/bin/reinstall_chrome.sh', '#!/bin/bash\nexit 0\n');
    expect(errors(dir, { files: 'zcli' })).toEqual([
      'node_modules/playwright-core/bin/reinstall_chrome.sh: .sh files are refused by Zendesk (its content is shell script): remove it from the package',
    ]);
    fs.copyFileSync(path.join(repoRoot, '.zcliignore'), path.join(dir, '.zcliignore'));
    expect(errors(dir, { files: 'zcli' })).toEqual([]);
  });
});

describe('which files are checked', () => {
  it('as npm run package zips them: not src/, node_modules/, hidden files or other root files', () => {
    const dir = fixture();
    writeFile(dir, 'src/secret.ts', 'const password = "Sup3rS3cretValue";');
    writeFile(dir, 'backup.zip', 'PK\x03\x04');
    writeFile(dir, 'assets/.env', 'API_TOKEN=abc');
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link-outside-package'));
    expect(lines(dir)).toEqual([]);
  });

  it('as a folder (an unpacked upload): every file but tmp/, and symlinks even when hidden', () => {
    const dir = fixture();
    fs.rmSync(path.join(dir, 'src'), { recursive: true });
    fs.rmSync(path.join(dir, 'node_modules'), { recursive: true });
    writeFile(dir, 'notes.pdf', '%PDF-1.7');
    writeFile(dir, 'tmp/old.zip', 'PK\x03\x04');
    fs.symlinkSync('index.html', path.join(dir, 'assets/.link'));
    expect(errors(dir, { files: 'folder' })).toEqual([
      'assets/.link: is a symlink; Zendesk refuses packages that hold any (copy the file instead)',
      'notes.pdf: .pdf files are refused by Zendesk (its content is PDF): remove it from the package',
    ]);
  });

  it('a zip is read as Zendesk reads an upload', () => {
    const dir = fixture();
    const zip = path.join(dir, 'tmp/app.zip');
    packageApp(dir, zip);
    expect(validateZip(zip).map(formatProblem)).toEqual([]);
    writeFile(dir, 'assets/guide.PDF', '%PDF-1.4');
    packageApp(dir, zip);
    expect(validateZip(zip).map(formatProblem)).toEqual([
      'assets/guide.PDF: .pdf files are refused by Zendesk (its content is PDF): remove it from the package',
    ]);
  });
});

describe('secrets are values, not names', () => {
  const secretCase = (content) => {
    const dir = fixture();
    writeFile(dir, 'assets/main.js', content);
    return errors(dir);
  };

  it('settings and texts named after credentials are fine', () => {
    const dir = fixture();
    editManifest((m) => { m.parameters = [{ name: 'api_token', type: 'text', secure: true, scopes: ['header'] }]; })(dir);
    editEn((t) => { t.app.parameters = { api_token: { label: 'API token', helpText: 'Paste your api_token here' } }; })(dir);
    writeFile(dir, 'assets/main.js', 'const c={api_token:t.api_token,password:!0};a="password"===b.type;p.password="";h("Authorization","Bearer "+token);\n');
    expect(errors(dir)).toEqual([]);
  });

  it.each([
    ['a private key', 'const k = `-----BEGIN RSA PRIVATE KEY-----\nMIIB`;'],
    ['an AWS access key id', 'aws("AKIAIOSFODNN7EXAMPLE")'],
    ['a Slack token', 'post("xoxb-1234567890-abcdefghij")'],
    ['a GitHub token', `fetch(u,{headers:{a:"ghp_${'a1'.repeat(18)}"}})`],
    ['a bearer token', 'h("Authorization","Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8")'],
    ['a credential assigned to a literal', 'const cfg = { apiToken: "9f8e7d6c5b4a3f2e1d0c" };'],
    ['a credential assigned to a literal', '{"password": "hunter2hunter2"}'],
  ])('%s is refused', (label, content) => {
    expect(secretCase(`\n${content}\n`)).toEqual([`assets/main.js: line 2 holds what looks like ${label}: never ship credentials; use a secure parameter`]);
  });

  it('reports at most five lines per file, in order', () => {
    expect(secretCase('x\nAKIAIOSFODNN7EXAMPLE\n'.repeat(7))).toEqual([2, 4, 6, 8, 10].map((n) => `assets/main.js: line ${n} holds what looks like an AWS access key id: never ship credentials; use a secure parameter`));
  });
});

describe("Zendesk's upload warnings are shown before an upload", () => {
  it('possible token, possible secret and insecure http, as warnings only', () => {
    const dir = fixture();
    writeFile(dir, 'assets/main.js', 'const s="http://www.w3.org/2000/svg";function f(e){return{before:e,token:e.slice(1)}}var secretless=1;\n');
    expect(lines(dir)).toEqual([
      'warning: assets/main.js: Zendesk will warn "possible Token": it matches "token:e.slice(1)}}var secretless"',
      'warning: assets/main.js: Zendesk will warn "possible secret": it holds the word "secret"',
      'warning: assets/main.js: Zendesk will warn "insecure http request": http://www.w3.org/2000/svg',
    ]);
  });
});

describe('rules Zendesk does not have, on purpose', () => {
  it.each([
    ['version missing', editManifest((m) => { delete m.version; }), `${M}"version" is missing`],
    ['version with v prefix', editManifest((m) => { m.version = 'v1.0.0'; }), `${M}version "v1.0.0" is not semver (x.y.z)`],
    ['author a string', editManifest((m) => { m.author = 'Tagwise'; }), `${M}"author" must be an object with "name" and "email" (got "Tagwise")`],
    ['url leaving assets/', editManifest((m) => { m.location.support.ticket_sidebar.url = 'assets/../manifest.json'; }),
      `${M}${TS}.url "assets/../manifest.json" leaves assets/`],
    ['empty app name', editEn((t) => { t.app.name = ''; }), 'translations/en.json: "app.name" must be a non-empty string (got "")'],
    ['logo not a PNG', (d) => writeFile(d, 'assets/logo.png', 'GIF89a'), 'assets/logo.png: is not a PNG file (expected a 320x320 PNG)'],
    ['gzip by content', (d) => writeFile(d, 'assets/fonts.bin2', zlib.gzipSync('x')), 'assets/fonts.bin2: holds gzip data, a type Zendesk refuses; remove it from the package'],
    ['RAR by content', (d) => writeFile(d, 'assets/a.dat', 'Rar!\x1a\x07\x00'), 'assets/a.dat: holds RAR data, a type Zendesk refuses; remove it from the package'],
    ['shell script by content', (d) => writeFile(d, 'assets/run', '#!/usr/bin/env bash\n'), 'assets/run: holds shell script data, a type Zendesk refuses; remove it from the package'],
    ['checkbox default a string', both(editManifest((m) => { m.parameters = [{ name: 'strict', type: 'checkbox', default: 'false' }]; }), labelled('strict')),
      `${M}parameter "strict": a checkbox setting's "default" must be a boolean (got "false")`],
    ['multiline default a list', both(editManifest((m) => { m.parameters = [{ name: 'words', type: 'multiline', default: ['a'] }]; }), labelled('words')),
      `${M}parameter "words": a multiline setting's "default" must be a string (got ["a"])`],
  ])('%s', (_name, change, message) => {
    const dir = fixture();
    change(dir);
    const found = validateApp(dir).filter((p) => p.severity === 'error');
    expect(found.map((p) => formatProblem(p).replace(/ \(stricter than Zendesk on purpose: .*\)$/, ''))).toEqual([message]);
    expect(found[0].stricter).toBe(true);
  });

  it('--zaf-minimum (requireListingTexts: false) lets a private app go without listing texts, as Zendesk does', () => {
    const dir = fixture();
    editEn((t) => { t.app = { name: 'Tagwise' }; })(dir);
    expect(errors(dir)).toHaveLength(3);
    expect(errors(dir, { requireListingTexts: false })).toEqual([]);
    editManifest((m) => { m.private = false; })(dir);
    expect(errors(dir, { requireListingTexts: false })).toHaveLength(3);
  });
});

describe('icons are what Zendesk serves unchanged', () => {
  const iconErrors = (change) => {
    const dir = fixture();
    change(dir);
    return errors(dir).map((l) => l.replace(/ \(stricter than Zendesk on purpose: .*\)$/, ''));
  };
  const I = 'assets/icon_nav_bar.svg: ';

  it.each([
    ['a link out of the file', withIcon('<use href="https://cdn.example/x.svg#a"/>'),
      `${I}<use> href="https://cdn.example/x.svg#a": Zendesk strips links that leave the file (only "#id" is kept) (line 1)`],
    ['a fill from another file', withIcon('<path fill="url(https://x.example/g.svg#g)" d="M0 0h1v1z"/>'),
      `${I}<path> fill="url(https://x.example/g.svg#g)": Zendesk strips references that leave the file (only url(#id) is kept) (line 1)`],
    ['a comment', withIcon('<!-- drawn by hand --><path d="M0 0h1v1z"/>'), `${I}holds a comment: Zendesk strips comments (line 1)`],
    ['focusable', withIcon('<path d="M0 0h1v1z"/>', ICON.replace('<svg ', '<svg focusable="false" ')),
      `${I}<svg> focusable: Zendesk strips focusable (use aria-hidden="true") (line 1)`],
    ['a <style> element', withIcon('<style>path{fill:red}</style><path d="M0 0h1v1z"/>'),
      `${I}<style>: Zendesk strips this element (use presentation attributes such as fill) (line 1)`],
    ['text', withIcon('<text x="1" y="9">T</text>'), `${I}<text> is not one of the shapes an icon may use here (svg g path circle ellipse line polyline polygon rect symbol use defs title desc) (line 1)`],
    ['an attribute outside the list', withIcon('<path d="M0 0h1v1z" vector-effect="non-scaling-stroke"/>'),
      `${I}<path> vector-effect is not one of the presentation attributes an icon may use here (line 1)`],
    ['symbols without a default', withIcon('<symbol id="active"><path d="M0 0h1v1z"/></symbol>'),
      `${I}is made of <symbol>s but none has id="default" (line 1)`],
    ['the same problem twice is one message', withIcon('<path style="fill:red" d="M0 0h1v1z"/>\n<path style="fill:blue" d="M0 0h1v1z"/>'),
      `${I}<path> style: Zendesk rewrites style attributes; use presentation attributes such as fill (line 1, and 1 more)`],
  ])('%s', (_name, change, message) => {
    expect(iconErrors(change)).toEqual([message]);
  });

  it('XML that is not well-formed is refused: Zendesk cannot sanitise it', () => {
    expect(iconErrors(withIcon('<path d="M0 0h1v1z">'))).toEqual([
      'assets/icon_nav_bar.svg: is not well-formed XML (</svg> closes <path> at line 1); Zendesk cannot sanitise it',
    ]);
  });
});

describe('duplicate keys are found wherever they are', () => {
  it('names the object that holds them', () => {
    const dir = fixture();
    const text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace('"ticket_sidebar": {', '"ticket_sidebar": {\n"flexible": false,');
    writeFile(dir, 'manifest.json', text);
    expect(errors(dir)).toEqual([
      `${M}key "flexible" appears twice in location.support.ticket_sidebar; JSON keeps only the last one, and Zendesk refuses the manifest`,
    ]);
  });
});

describe('validate CLI', () => {
  // In-process (a node start per case costs seconds on a busy machine); one real run below.
  const run = (...args) => {
    const out = { stdout: '', stderr: '' };
    const spies = [
      vi.spyOn(console, 'log').mockImplementation((l) => { out.stdout += `${l}\n`; }),
      vi.spyOn(console, 'warn').mockImplementation((l) => { out.stderr += `${l}\n`; }),
      vi.spyOn(console, 'error').mockImplementation((l) => { out.stderr += `${l}\n`; }),
    ];
    try {
      return { status: main(args), ...out };
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  };

  it('runs as a script: exit code and output', () => {
    const dir = fixture();
    const ok = spawnSync(process.execPath, [cli, dir], { encoding: 'utf8' });
    expect([ok.status, ok.stdout]).toEqual([0, `validate: OK (${dir} (files: package))\n`]);
    editManifest((m) => { m.private = 'yes'; })(dir);
    const bad = spawnSync(process.execPath, [cli, dir], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });

  it('prints OK and exits 0 for a valid app', () => {
    const r = run(fixture());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^validate: OK \(.* \(files: package\)\)$/m);
    expect(r.stderr).toBe('');
  });

  it('prints one line per problem and exits 1', () => {
    const dir = fixture();
    editManifest((m) => { m.frameworkVersion = '1.0'; m.private = 'yes'; })(dir);
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `${M}"private" must be true or false, or left out for a private app (got "yes")`,
      `${M}"frameworkVersion" must be "2.0", the only version Zendesk serves (got "1.0")`,
      `validate: 2 problems in ${dir} (files: package)`,
      '',
    ]);
  });

  it('warnings do not fail the check', () => {
    const dir = fixture();
    editManifest((m) => { m.nmae = 'x'; })(dir);
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: manifest.json: unknown field "nmae" (Zendesk ignores it)');
    expect(r.stdout).toContain('; 1 warning)');
  });

  it('--as=zcli checks what zcli would zip', () => {
    const dir = fixture();
    writeFile(dir, 'node_modules/x/install.sh', 'echo');
    expect(run(dir).status).toBe(0);
    const r = run(dir, '--as=zcli');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('node_modules/x/install.sh: .sh files are refused by Zendesk');
  });

  it('checks a zip', () => {
    const dir = fixture();
    const zip = path.join(dir, 'tmp/app.zip');
    packageApp(dir, zip);
    expect(run(zip).stdout).toBe(`validate: OK (${zip})\n`);
  });

  it('--zaf-minimum relaxes the listing texts for a private app', () => {
    const dir = fixture();
    editEn((t) => { delete t.app.long_description; })(dir);
    expect(run(dir).status).toBe(1);
    expect(run(dir, '--zaf-minimum').status).toBe(0);
  });

  it('exits 2 on bad usage', () => {
    expect(run('--nope').status).toBe(2);
    expect(run('--as=everything').status).toBe(2);
  });
});
