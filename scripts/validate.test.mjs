// @vitest-environment node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validateApp, formatProblem } from './lib/validate-app.mjs';
import {
  blankPng, makeFixture, removeFixture, validManifest, writeFile, writeJson,
} from './lib/test-fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
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
const lines = (dir, options) => validateApp(dir, options).map(formatProblem);
const M = 'manifest.json: ';
const EN = 'translations/en.json: ';
const TS = 'location.support.ticket_sidebar';

describe('validateApp on a valid app', () => {
  it('reports nothing', () => {
    expect(lines(fixture())).toEqual([]);
  });

  it('accepts variations that are still valid', () => {
    const dir = fixture();
    editManifest((m) => {
      m.version = '2.10.3-beta.1';
      m.location.support.ticket_sidebar = 'assets/index.html';
      m.location.support.user_sidebar = { url: 'https://apps.tagwise.example/index.html' };
      m.location.support.organization_sidebar = { url: 'http://localhost:4567/index.html', flexible: false };
      delete m.author.url;
      m.parameters = [{ name: 'subdomain', type: 'text' }];
    })(dir);
    editEn((t) => { t.app.parameters = { subdomain: { label: 'Subdomain' } }; })(dir);
    writeJson(dir, 'translations/pt-br.json', { app: { name: 'Tagwise' } });
    writeJson(dir, 'translations/fil.json', {});
    writeJson(dir, 'translations/es-419.json', {});
    expect(lines(dir)).toEqual([]);
  });

  it('checks the repository itself (apart from the build output)', () => {
    const root = path.resolve(here, '..');
    const problems = lines(root).filter((l) => !l.includes('(run npm run build)'));
    expect(problems).toEqual([]);
  });
});

// Each case breaks exactly one rule in a fresh copy of the fixture and lists
// exactly the lines expected (strings are exact; RegExps match one line).
const cases = [
  // manifest.json: presence and shape
  ['manifest missing', (d) => fs.rmSync(path.join(d, 'manifest.json')), [`${M}not found`]],
  ['manifest not JSON', (d) => writeJson(d, 'manifest.json', '{"name": '), [/^manifest\.json: is not valid JSON \(/]],
  ['manifest not an object', (d) => writeJson(d, 'manifest.json', '[]'), [`${M}must contain a JSON object`]],
  ['unknown manifest field', editManifest((m) => { m.nmae = 'x'; }), ['warning: manifest.json: unknown field "nmae"']],
  // name
  ['name missing', editManifest((m) => { delete m.name; }), [`${M}"name" must be a non-empty string (got missing)`]],
  ['name not a string', editManifest((m) => { m.name = 42; }), [`${M}"name" must be a non-empty string (got 42)`]],
  // author
  ['author missing', editManifest((m) => { delete m.author; }),
    [`${M}"author" must be an object with "name" and "email" (got missing)`]],
  ['author a string', editManifest((m) => { m.author = 'me'; }),
    [`${M}"author" must be an object with "name" and "email" (got "me")`]],
  ['author.name missing', editManifest((m) => { delete m.author.name; }),
    [`${M}"author.name" must be a non-empty string (got missing)`]],
  ['author.email not an email', editManifest((m) => { m.author.email = 'nobody'; }),
    [`${M}"author.email" must be an email address string (got "nobody")`]],
  ['author.email not a string', editManifest((m) => { m.author.email = ['a@b.c']; }),
    [`${M}"author.email" must be an email address string (got ["a@b.c"])`]],
  ['author.url not a URL', editManifest((m) => { m.author.url = 'ftp://tagwise.example'; }),
    [`${M}"author.url" must be an http(s) URL string (got "ftp://tagwise.example")`]],
  // defaultLocale
  ['defaultLocale missing', editManifest((m) => { delete m.defaultLocale; }),
    [`${M}"defaultLocale" must be a non-empty string (got missing)`]],
  ['defaultLocale without its file', editManifest((m) => { m.defaultLocale = 'fr'; }),
    [`${M}"defaultLocale" is "fr" but translations/fr.json does not exist`]],
  // private
  ['private as a string', editManifest((m) => { m.private = 'true'; }), [`${M}"private" must be true or false (got "true")`]],
  ['private missing', editManifest((m) => { delete m.private; }), [`${M}"private" must be true or false (got missing)`]],
  // location
  ['location missing', editManifest((m) => { delete m.location; }),
    [`${M}"location" must be an object like {"support": {"ticket_sidebar": {...}}} (got missing)`]],
  ['unknown product', editManifest((m) => { m.location.talk = { ticket_sidebar: 'assets/index.html' }; }),
    [`${M}location: unknown product "talk" (known: support, chat, sell)`]],
  ['product not an object', editManifest((m) => { m.location.support = []; }),
    [`${M}location.support must be an object of locations`]],
  ['unknown location', editManifest((m) => { m.location.support.ticket_sidebarr = { url: 'assets/index.html' }; }),
    [`${M}location.support.ticket_sidebarr: unknown location "ticket_sidebarr" for support`]],
  ['location neither string nor object', editManifest((m) => { m.location.support.ticket_sidebar = 3; }),
    [`${M}${TS} must be a url string or an object with "url"`]],
  ['location url missing', editManifest((m) => { delete m.location.support.ticket_sidebar.url; }),
    [`${M}${TS}.url must be a non-empty string (got missing)`]],
  ['relative url outside assets/', editManifest((m) => { m.location.support.ticket_sidebar.url = 'index.html'; }),
    [`${M}${TS}.url "index.html" must be a path under assets/ (e.g. assets/index.html) or an https URL`]],
  ['relative url escaping assets/', editManifest((m) => { m.location.support.ticket_sidebar.url = 'assets/../manifest.json'; }),
    [`${M}${TS}.url "assets/../manifest.json" must be a path under assets/ (e.g. assets/index.html) or an https URL`]],
  ['url naming a file not built', (d) => fs.rmSync(path.join(d, 'assets/index.html')), [
    `${M}location.support.ticket_sidebar.url "assets/index.html" does not exist (run npm run build)`,
    `${M}location.support.user_sidebar.url "assets/index.html" does not exist (run npm run build)`,
    `${M}location.support.organization_sidebar.url "assets/index.html" does not exist (run npm run build)`,
  ]],
  ['http url not on localhost', editManifest((m) => { m.location.support.ticket_sidebar.url = 'http://apps.tagwise.example/'; }),
    [`${M}${TS}.url "http://apps.tagwise.example/" must be https (http is allowed only for localhost)`]],
  ['other scheme', editManifest((m) => { m.location.support.ticket_sidebar.url = 'file:///etc/passwd'; }),
    [`${M}${TS}.url "file:///etc/passwd" must be https (http is allowed only for localhost)`]],
  ['flexible not a boolean', editManifest((m) => { m.location.support.ticket_sidebar.flexible = 'yes'; }),
    [`${M}${TS}.flexible must be true or false (got "yes")`]],
  // version
  ['version 1.0', editManifest((m) => { m.version = '1.0'; }), [`${M}version "1.0" is not semver (x.y.z)`]],
  ['version with v prefix', editManifest((m) => { m.version = 'v1.0.0'; }), [`${M}version "v1.0.0" is not semver (x.y.z)`]],
  ['version a number', editManifest((m) => { m.version = 1; }), [`${M}version 1 is not semver (x.y.z)`]],
  ['version missing', editManifest((m) => { delete m.version; }), [`${M}version missing is not semver (x.y.z)`]],
  // frameworkVersion
  ['frameworkVersion 1.0', editManifest((m) => { m.frameworkVersion = '1.0'; }),
    [`${M}"frameworkVersion" must be "2.0" (got "1.0")`]],
  ['frameworkVersion a number', editManifest((m) => { m.frameworkVersion = 2; }),
    [`${M}"frameworkVersion" must be "2.0" (got 2)`]],
  // parameters
  ['parameters not an array', editManifest((m) => { m.parameters = { token: {} }; }),
    [`${M}"parameters" must be an array (got {"token":{}})`]],
  ['parameter without name', editManifest((m) => { m.parameters = [{ type: 'text' }]; }),
    [`${M}parameters[0] must be an object with a "name" string`]],
  ['parameter declared twice', (d) => {
    editManifest((m) => { m.parameters = [{ name: 'a' }, { name: 'a' }]; })(d);
    editEn((t) => { t.app.parameters = { a: { label: 'A' } }; })(d);
  }, [`${M}parameter "a" is declared twice`]],
  ['parameter of unknown type', (d) => {
    editManifest((m) => { m.parameters = [{ name: 'a', type: 'string' }]; })(d);
    editEn((t) => { t.app.parameters = { a: { label: 'A' } }; })(d);
  }, [`${M}parameter "a" has unknown type "string"`]],
  ['parameter without a label', (d) => {
    editManifest((m) => { m.parameters = [{ name: 'a' }, { name: 'b' }]; })(d);
    editEn((t) => { t.app.parameters = { a: { label: 'A' }, b: { helpText: 'no label' } }; })(d);
  }, [`${EN}"app.parameters.b.label" must be a non-empty string`]],
  // translations/en.json
  ['en.json missing', (d) => fs.rmSync(path.join(d, 'translations/en.json')),
    [`${EN}not found (the default locale file is required)`]],
  ['en.json not JSON', (d) => writeJson(d, 'translations/en.json', '{'), [/^translations\/en\.json: is not valid JSON \(/]],
  ['en.json not an object', (d) => writeJson(d, 'translations/en.json', '"x"'), [`${EN}must contain a JSON object`]],
  ['en.json without app', editEn((t) => { delete t.app; }), [`${EN}missing the "app" object`]],
  ['app.name missing', editEn((t) => { delete t.app.name; }), [`${EN}"app.name" must be a non-empty string`]],
  ['app.name blank', editEn((t) => { t.app.name = '  '; }), [`${EN}"app.name" must be a non-empty string`]],
  ['short_description missing', editEn((t) => { delete t.app.short_description; }),
    [`${EN}"app.short_description" must be a non-empty string`]],
  ['long_description missing', editEn((t) => { delete t.app.long_description; }),
    [`${EN}"app.long_description" must be a non-empty string`]],
  ['installation_instructions missing', editEn((t) => { delete t.app.installation_instructions; }),
    [`${EN}"app.installation_instructions" must be a non-empty string`]],
  // other translation files
  ['translation file not named like a locale', (d) => writeJson(d, 'translations/english.json', {}),
    ['translations/english.json: file name is not a locale (expected e.g. en.json, pt-br.json)']],
  ['translation file in upper case', (d) => writeJson(d, 'translations/PT-BR.json', {}),
    ['translations/PT-BR.json: file name is not a locale (expected e.g. en.json, pt-br.json)']],
  ['non-JSON file in translations', (d) => writeFile(d, 'translations/notes.txt', 'hi'),
    ['translations/notes.txt: file name is not a locale (expected e.g. en.json, pt-br.json)']],
  ['other locale not JSON', (d) => writeJson(d, 'translations/fr.json', '{"app":'), [/^translations\/fr\.json: is not valid JSON \(/]],
  ['folder in translations', (d) => fs.mkdirSync(path.join(d, 'translations/de')),
    ['translations/de: unexpected folder in translations/ (only <locale>.json files belong there)']],
  // logos
  ['logo.png missing', (d) => fs.rmSync(path.join(d, 'assets/logo.png')),
    ['assets/logo.png: not found (expected a 320x320 PNG; run node scripts/make-logos.mjs)']],
  ['logo-small.png missing', (d) => fs.rmSync(path.join(d, 'assets/logo-small.png')),
    ['assets/logo-small.png: not found (expected a 128x128 PNG; run node scripts/make-logos.mjs)']],
  ['logo.png of the wrong size', (d) => writeFile(d, 'assets/logo.png', blankPng(128)),
    ['assets/logo.png: is 128x128, expected 320x320']],
  ['logo-small.png of the wrong size', (d) => writeFile(d, 'assets/logo-small.png', blankPng(64)),
    ['assets/logo-small.png: is 64x64, expected 128x128']],
  ['logo.png not a PNG', (d) => writeFile(d, 'assets/logo.png', 'GIF89a not really a png, but long enough'),
    ['assets/logo.png: is not a PNG file']],
  // package contents
  ['symlink in assets', (d) => fs.symlinkSync('/etc/hostname', path.join(d, 'assets/link.txt')),
    ['assets/link.txt: is a symlink (symlinks are not allowed in the package)']],
  ['symlinked logo', (d) => {
    fs.renameSync(path.join(d, 'assets/logo.png'), path.join(d, 'logo.png'));
    fs.symlinkSync(path.join(d, 'logo.png'), path.join(d, 'assets/logo.png'));
  }, ['assets/logo.png: is a symlink (symlinks are not allowed in the package)']],
  ['zip in assets', (d) => writeFile(d, 'assets/old/tagwise-0.9.0.zip', 'PK'),
    ['assets/old/tagwise-0.9.0.zip: is an archive (archives are not allowed in the package)']],
  ['tarball in assets', (d) => writeFile(d, 'assets/fonts.tar.gz', 'x'),
    ['assets/fonts.tar.gz: is an archive (archives are not allowed in the package)']],
  ['api_token in a bundle', (d) => writeFile(d, 'assets/main.js', 'a();\nconst c = {api_token: k};\n'),
    ['assets/main.js: line 2: looks like a secret (api_token); never ship credentials']],
  ['password in JSON', (d) => writeFile(d, 'assets/config.json', '{\n\n"password": "hunter2"}'),
    ['assets/config.json: line 3: looks like a secret (password assigned a string); never ship credentials']],
  ['password in code', (d) => writeFile(d, 'assets/main.js', 'x({Password : `hunter2`})'),
    ['assets/main.js: line 1: looks like a secret (password assigned a string); never ship credentials']],
  ['bearer token in html', (d) => writeFile(d, 'assets/index.html', '<script>h("Authorization","Bearer abc123")</script>'),
    ['assets/index.html: line 1: looks like a secret (Bearer token); never ship credentials']],
  ['secret in translations', editEn((t) => { t.ui.hint = 'Paste your api_token here'; }),
    [/^translations\/en\.json: line \d+: looks like a secret \(api_token\); never ship credentials$/]],
  ['at most 5 secret lines per file', (d) => writeFile(d, 'assets/main.js', 'api_token\n'.repeat(9)),
    [1, 2, 3, 4, 5].map((n) => `assets/main.js: line ${n}: looks like a secret (api_token); never ship credentials`)],
  // Not secrets: what React's production bundle really contains.
  ['password as a flag or a type name', (d) => writeFile(d, 'assets/main.js', 'var t={password:!0};a="password"===b.type;p.password="";'),
    []],
];

describe('validateApp reports each broken rule', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const dir = fixture();
    mutate(dir);
    const got = lines(dir);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });
});

describe('listing texts option', () => {
  const stripListing = editEn((t) => {
    delete t.app.short_description;
    delete t.app.long_description;
    delete t.app.installation_instructions;
  });

  it('requires them by default, even for a private app', () => {
    const dir = fixture();
    stripListing(dir);
    expect(lines(dir)).toEqual([
      `${EN}"app.short_description" must be a non-empty string`,
      `${EN}"app.long_description" must be a non-empty string`,
      `${EN}"app.installation_instructions" must be a non-empty string`,
    ]);
  });

  it('with requireListingTexts: false, a private app may omit them', () => {
    const dir = fixture();
    stripListing(dir);
    expect(lines(dir, { requireListingTexts: false })).toEqual([]);
  });

  it('with requireListingTexts: false, a public app still needs them', () => {
    const dir = fixture();
    stripListing(dir);
    editManifest((m) => { m.private = false; })(dir);
    expect(lines(dir, { requireListingTexts: false })).toHaveLength(3);
  });
});

describe('what is not packaged is not checked', () => {
  it('ignores src/, node_modules/ and hidden files', () => {
    const dir = fixture();
    writeFile(dir, 'src/secret.ts', 'const password = "x"; Bearer abc');
    writeFile(dir, 'backup.zip', 'PK');
    writeFile(dir, 'assets/.env', 'api_token=abc');
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link-outside-package'));
    expect(lines(dir)).toEqual([]);
  });
});

describe('validate CLI', () => {
  const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  it('prints OK and exits 0 for a valid app', () => {
    const dir = fixture();
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^validate: OK/);
    expect(r.stderr).toBe('');
  });

  it('prints one line per problem and exits 1', () => {
    const dir = fixture();
    editManifest((m) => { m.version = '1.0'; m.frameworkVersion = '1.0'; })(dir);
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'manifest.json: version "1.0" is not semver (x.y.z)',
      'manifest.json: "frameworkVersion" must be "2.0" (got "1.0")',
      `validate: 2 problems in ${dir}`,
      '',
    ]);
  });

  it('warnings do not fail the check', () => {
    const dir = fixture();
    editManifest((m) => { m.nmae = 'x'; })(dir);
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: manifest.json: unknown field "nmae"');
  });

  it('--zaf-minimum relaxes the listing texts for a private app', () => {
    const dir = fixture();
    editEn((t) => { delete t.app.long_description; })(dir);
    expect(run(dir).status).toBe(1);
    expect(run(dir, '--zaf-minimum').status).toBe(0);
  });

  it('exits 2 on bad usage', () => {
    expect(run('--nope').status).toBe(2);
  });
});
