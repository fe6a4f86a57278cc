// Offline checks of a ZAF app folder against the rules Zendesk applies to an
// uploaded app (manifest, translations, logos, package contents).
// Pure with respect to its input: reads files under `dir`, never writes.
import fs from 'node:fs';
import path from 'node:path';
import { listPackageEntries } from './package-files.mjs';
import { readPngSize } from './png.mjs';

/**
 * @typedef {{file: string, message: string, severity: 'error'|'warning'}} Problem
 */

export const KNOWN_LOCATIONS = {
  support: [
    'background', 'modal', 'nav_bar', 'new_ticket_sidebar', 'organization_sidebar',
    'system_top_bar', 'ticket_editor', 'ticket_sidebar', 'top_bar', 'user_sidebar',
  ],
  chat: ['background', 'chat_sidebar', 'modal'],
  sell: [
    'background', 'call_log_editor', 'company_card', 'deal_card', 'email_editor',
    'lead_card', 'modal', 'note_editor', 'person_card', 'top_bar',
  ],
};

export const KNOWN_MANIFEST_KEYS = new Set([
  'name', 'author', 'defaultLocale', 'private', 'location', 'version', 'frameworkVersion',
  'parameters', 'singleInstall', 'signedUrls', 'domainWhitelist', 'requirementsOnly',
  'marketingOnly', 'oauth', 'experiments', 'remoteInstallationURL', 'termsConditionsURL',
]);

export const PARAMETER_TYPES = new Set([
  'text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth',
]);

export const LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
];

export const LISTING_TEXTS = ['short_description', 'long_description', 'installation_instructions'];

// x.y.z with optional -pre.release and +build (semver 2.0, no leading zeros).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const LOCALE_FILE = /^[a-z]{2,3}(-[a-z0-9]{2,4})?\.json$/;
const ARCHIVE = /\.(zip|tar|tgz|gz|bz2|xz|zst|7z|rar|jar|war)$/i;
const TEXT_FILE = /\.(html?|m?js|cjs|css|json|svg|txt|md|map|xml|csv|ya?ml)$/i;
// A password must be assigned a string literal to count: React's own bundle
// contains `password:!0` and `"password"===type`, which are not secrets.
const SECRETS = [
  { label: 'api_token', re: /api_token/ },
  { label: 'password assigned a string', re: /password["']?\s*[:=]\s*["'`][^"'`]+["'`]/i },
  { label: 'Bearer token', re: /Bearer [A-Za-z0-9]/ },
];
const MAX_SECRET_HITS_PER_FILE = 5;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';
const show = (v) => (v === undefined ? 'missing' : JSON.stringify(v));

function readJson(abs) {
  try {
    return { value: JSON.parse(fs.readFileSync(abs, 'utf8')) };
  } catch (err) {
    return { error: err.code === 'ENOENT' ? 'not found' : `is not valid JSON (${err.message})` };
  }
}

/**
 * Check an app folder.
 * @param {string} dir the app root (folder holding manifest.json)
 * @param {{requireListingTexts?: boolean}} [options]
 *   requireListingTexts (default true): require app.short_description,
 *   long_description and installation_instructions even for a private app
 *   (Zendesk itself only requires them for public apps).
 * @returns {Problem[]}
 */
export function validateApp(dir, options = {}) {
  const requireListingTexts = options.requireListingTexts ?? true;
  /** @type {Problem[]} */
  const problems = [];
  const error = (file, message) => problems.push({ file, message, severity: 'error' });
  const warn = (file, message) => problems.push({ file, message, severity: 'warning' });
  const exists = (rel) => fs.existsSync(path.join(dir, ...rel.split('/')));

  // ---- manifest.json --------------------------------------------------------
  const M = 'manifest.json';
  const parsed = readJson(path.join(dir, M));
  let manifest = null;
  if (parsed.error) error(M, parsed.error);
  else if (!isObject(parsed.value)) error(M, 'must contain a JSON object');
  else manifest = parsed.value;

  if (manifest) {
    for (const key of Object.keys(manifest)) {
      if (!KNOWN_MANIFEST_KEYS.has(key)) warn(M, `unknown field "${key}"`);
    }

    if (!isNonEmptyString(manifest.name)) error(M, `"name" must be a non-empty string (got ${show(manifest.name)})`);

    const author = manifest.author;
    if (!isObject(author)) {
      error(M, `"author" must be an object with "name" and "email" (got ${show(author)})`);
    } else {
      if (!isNonEmptyString(author.name)) error(M, `"author.name" must be a non-empty string (got ${show(author.name)})`);
      if (typeof author.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(author.email)) {
        error(M, `"author.email" must be an email address string (got ${show(author.email)})`);
      }
      if (author.url !== undefined && (typeof author.url !== 'string' || !/^https?:\/\/\S+$/.test(author.url))) {
        error(M, `"author.url" must be an http(s) URL string (got ${show(author.url)})`);
      }
    }

    if (!isNonEmptyString(manifest.defaultLocale)) {
      error(M, `"defaultLocale" must be a non-empty string (got ${show(manifest.defaultLocale)})`);
    } else if (manifest.defaultLocale !== 'en' && !exists(`translations/${manifest.defaultLocale}.json`)) {
      // en.json is checked (and reported) separately below.
      error(M, `"defaultLocale" is "${manifest.defaultLocale}" but translations/${manifest.defaultLocale}.json does not exist`);
    }

    if (typeof manifest.private !== 'boolean') error(M, `"private" must be true or false (got ${show(manifest.private)})`);

    checkLocations(manifest.location, { error, exists });

    if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
      error(M, `version ${show(manifest.version)} is not semver (x.y.z)`);
    }

    if (manifest.frameworkVersion !== '2.0') {
      error(M, `"frameworkVersion" must be "2.0" (got ${show(manifest.frameworkVersion)})`);
    }

    if (manifest.parameters !== undefined) {
      if (!Array.isArray(manifest.parameters)) {
        error(M, `"parameters" must be an array (got ${show(manifest.parameters)})`);
      } else {
        const names = new Set();
        manifest.parameters.forEach((p, i) => {
          if (!isObject(p) || !isNonEmptyString(p.name)) {
            error(M, `parameters[${i}] must be an object with a "name" string`);
            return;
          }
          if (names.has(p.name)) error(M, `parameter "${p.name}" is declared twice`);
          names.add(p.name);
          if (p.type !== undefined && !PARAMETER_TYPES.has(p.type)) {
            error(M, `parameter "${p.name}" has unknown type ${show(p.type)}`);
          }
        });
      }
    }
  }

  // ---- translations/ --------------------------------------------------------
  const translationsDir = path.join(dir, 'translations');
  const translationFiles = fs.existsSync(translationsDir) ? fs.readdirSync(translationsDir).sort() : [];
  const parsedTranslations = new Map();
  for (const name of translationFiles) {
    const rel = `translations/${name}`;
    const st = fs.lstatSync(path.join(translationsDir, name));
    if (st.isDirectory()) {
      error(rel, 'unexpected folder in translations/ (only <locale>.json files belong there)');
      continue;
    }
    if (!LOCALE_FILE.test(name)) {
      error(rel, 'file name is not a locale (expected e.g. en.json, pt-br.json)');
      continue;
    }
    if (st.isSymbolicLink()) continue; // reported with the package checks
    const t = readJson(path.join(translationsDir, name));
    if (t.error) error(rel, t.error);
    else if (!isObject(t.value)) error(rel, 'must contain a JSON object');
    else parsedTranslations.set(name, t.value);
  }

  const EN = 'translations/en.json';
  if (!translationFiles.includes('en.json')) {
    error(EN, 'not found (the default locale file is required)');
  } else if (parsedTranslations.has('en.json')) {
    const app = parsedTranslations.get('en.json').app;
    if (!isObject(app)) {
      error(EN, 'missing the "app" object');
    } else {
      if (!isNonEmptyString(app.name)) error(EN, '"app.name" must be a non-empty string');
      const isPublic = manifest && manifest.private === false;
      if (requireListingTexts || isPublic) {
        for (const key of LISTING_TEXTS) {
          if (!isNonEmptyString(app[key])) error(EN, `"app.${key}" must be a non-empty string`);
        }
      }
      if (manifest && Array.isArray(manifest.parameters)) {
        for (const p of manifest.parameters) {
          if (!isObject(p) || !isNonEmptyString(p.name)) continue;
          const entry = isObject(app.parameters) ? app.parameters[p.name] : undefined;
          if (!isObject(entry) || !isNonEmptyString(entry.label)) {
            error(EN, `"app.parameters.${p.name}.label" must be a non-empty string`);
          }
        }
      }
    }
  }

  // ---- logos ----------------------------------------------------------------
  for (const logo of LOGOS) {
    const abs = path.join(dir, ...logo.file.split('/'));
    let buf;
    try {
      if (fs.lstatSync(abs).isSymbolicLink()) continue; // reported with the package checks
      buf = fs.readFileSync(abs);
    } catch {
      error(logo.file, `not found (expected a ${logo.width}x${logo.height} PNG; run node scripts/make-logos.mjs)`);
      continue;
    }
    const size = readPngSize(buf);
    if (!size) error(logo.file, 'is not a PNG file');
    else if (size.width !== logo.width || size.height !== logo.height) {
      error(logo.file, `is ${size.width}x${size.height}, expected ${logo.width}x${logo.height}`);
    }
  }

  // ---- package contents -----------------------------------------------------
  for (const entry of listPackageEntries(dir)) {
    if (entry.kind === 'symlink') {
      error(entry.path, 'is a symlink (symlinks are not allowed in the package)');
      continue;
    }
    if (entry.kind !== 'file') {
      error(entry.path, 'is not a regular file');
      continue;
    }
    if (ARCHIVE.test(entry.path)) {
      error(entry.path, 'is an archive (archives are not allowed in the package)');
      continue;
    }
    if (TEXT_FILE.test(entry.path)) {
      const lines = fs.readFileSync(entry.abs, 'utf8').split('\n');
      let hits = 0;
      for (let i = 0; i < lines.length && hits < MAX_SECRET_HITS_PER_FILE; i++) {
        const found = SECRETS.find((s) => s.re.test(lines[i]));
        if (found) {
          hits++;
          error(entry.path, `line ${i + 1}: looks like a secret (${found.label}); never ship credentials`);
        }
      }
    }
  }

  return problems;
}

function checkLocations(location, { error, exists }) {
  const M = 'manifest.json';
  if (!isObject(location) || Object.keys(location).length === 0) {
    error(M, `"location" must be an object like {"support": {"ticket_sidebar": {...}}} (got ${show(location)})`);
    return;
  }
  for (const [product, places] of Object.entries(location)) {
    if (!KNOWN_LOCATIONS[product]) {
      error(M, `location: unknown product "${product}" (known: ${Object.keys(KNOWN_LOCATIONS).join(', ')})`);
      continue;
    }
    if (!isObject(places) || Object.keys(places).length === 0) {
      error(M, `location.${product} must be an object of locations`);
      continue;
    }
    for (const [place, spec] of Object.entries(places)) {
      const at = `location.${product}.${place}`;
      if (!KNOWN_LOCATIONS[product].includes(place)) {
        error(M, `${at}: unknown location "${place}" for ${product}`);
        continue;
      }
      let url;
      if (typeof spec === 'string') url = spec;
      else if (isObject(spec)) {
        url = spec.url;
        if (spec.flexible !== undefined && typeof spec.flexible !== 'boolean') {
          error(M, `${at}.flexible must be true or false (got ${show(spec.flexible)})`);
        }
      } else {
        error(M, `${at} must be a url string or an object with "url"`);
        continue;
      }
      checkLocationUrl(url, at, { error, exists });
    }
  }
}

function checkLocationUrl(url, at, { error, exists }) {
  const M = 'manifest.json';
  if (!isNonEmptyString(url)) {
    error(M, `${at}.url must be a non-empty string (got ${show(url)})`);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      error(M, `${at}.url "${url}" is not a valid URL`);
      return;
    }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol === 'https:') return;
    if (parsed.protocol === 'http:' && local) return;
    error(M, `${at}.url "${url}" must be https (http is allowed only for localhost)`);
    return;
  }
  const filePart = url.split(/[?#]/)[0];
  if (!filePart.startsWith('assets/') || filePart.split('/').includes('..')) {
    error(M, `${at}.url "${url}" must be a path under assets/ (e.g. assets/index.html) or an https URL`);
    return;
  }
  if (!exists(filePart)) {
    error(M, `${at}.url "${url}" does not exist (run npm run build)`);
  }
}

/** One line per problem: `file: message`, warnings prefixed. */
export function formatProblem(p) {
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}: ${p.message}`;
}

export const hasErrors = (problems) => problems.some((p) => p.severity === 'error');
