// manifest.json: presence, JSON without duplicate keys, field types, framework rules.
// Locations and parameters have their own files.
import { parseJsonStrict } from '../json-strict.mjs';
import { isObject, isNonEmptyString, show } from './context.mjs';
import { checkLocations } from './locations.mjs';
import { checkParameters } from './parameters.mjs';

const M = 'manifest.json';

export const KNOWN_MANIFEST_KEYS = new Set([
  'name', 'author', 'defaultLocale', 'private', 'location', 'version', 'frameworkVersion',
  'parameters', 'singleInstall', 'signedUrls', 'domainWhitelist', 'requirementsOnly',
  'marketingOnly', 'oauth', 'experiments', 'remoteInstallationURL', 'termsConditionsURL', 'gaID', 'noTemplate',
]);

// Zendesk's translation file names, and so its locales: "pt-br" and "pt-BR" pass, "sr-latn" and "en_US" do not.
export const VALID_LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9_]{2,3})?$/;
export const SERVED_FRAMEWORK = '2.0';
const BOOLEANS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls'];
const STRINGS = ['defaultLocale', 'version', 'frameworkVersion', 'remoteInstallationURL', 'termsConditionsURL', 'gaID'];
const EXPERIMENTS = ['hashParams', 'newCssCompiler'];
const OAUTH_KEYS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];
// x.y.z with optional -pre.release and +build (semver 2.0, no leading zeros).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** An http(s) URL with a host, as Zendesk wants for author.url and termsConditionsURL. */
export function isWebUrl(value) {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** @returns {Record<string, unknown> | null} the manifest when it could be read */
export function checkManifest(ctx) {
  const { error, stricter, warn } = ctx;
  if (!ctx.has(M)) {
    const nested = ctx.files.find((f) => /^[^/]+\/manifest\.json$/.test(f.path));
    if (nested) {
      error(M, `not at the root of the package but in ${nested.path.split('/')[0]}/: zip the app folder's contents, not the folder`, 'nested_manifest');
    } else error(M, 'not found (every package needs manifest.json at its root)', 'missing_manifest');
    return null;
  }
  const parsed = parseJsonStrict(ctx.text(M));
  if ('error' in parsed) {
    error(M, `is not valid JSON (${parsed.error})`, 'manifest_not_json');
    return null;
  }
  for (const d of parsed.duplicates) {
    error(M, `key "${d.key}" appears twice in ${d.at}; JSON keeps only the last one, and Zendesk refuses the manifest`, 'duplicate_manifest_keys');
  }
  const m = parsed.value;
  if (!isObject(m)) {
    error(M, 'must contain a JSON object', 'manifest_not_json');
    return null;
  }

  for (const key of Object.keys(m)) {
    if (!KNOWN_MANIFEST_KEYS.has(key)) warn(M, `unknown field "${key}" (Zendesk ignores it)`);
  }

  // author
  if (m.author === undefined || m.author === null) {
    error(M, '"author" is missing: give {"name", "email", "url"}', 'manifest_keys.missing');
  } else if (!isObject(m.author)) {
    stricter(M, `"author" must be an object with "name" and "email" (got ${show(m.author)})`, 'Zendesk reads no name or email from anything else');
  } else {
    for (const field of ['name', 'email', 'url']) {
      const v = m.author[field];
      if (v !== undefined && v !== null && typeof v !== 'string') {
        error(M, `"author.${field}" must be a string (got ${show(v)})`, 'unacceptable_string');
      }
    }
    if (typeof m.author.url === 'string' && !isWebUrl(m.author.url)) {
      error(M, `"author.url" must be an http(s) URL with a host (got ${show(m.author.url)})`, 'invalid_url');
    }
    if (typeof m.author.email === 'string' && !/^[^\s@]+@[^\s@]+$/.test(m.author.email)) {
      warn(M, `"author.email" ${show(m.author.email)} does not look like an email address (Zendesk accepts it, but shows it to admins)`);
    }
  }

  // plain types
  for (const key of BOOLEANS) {
    if (m[key] !== undefined && m[key] !== null && typeof m[key] !== 'boolean') {
      error(M, `"${key}" must be true or false (got ${show(m[key])})`, 'unacceptable_boolean');
    }
  }
  if (m.private !== undefined && typeof m.private !== 'boolean') {
    error(M, `"private" must be true or false, or left out for a private app (got ${show(m.private)})`, 'unacceptable_boolean');
  }
  for (const key of STRINGS) {
    if (m[key] !== undefined && m[key] !== null && typeof m[key] !== 'string') {
      const key2 = key === 'frameworkVersion' ? ['unacceptable_string', 'invalid_version'] : 'unacceptable_string';
      error(M, `"${key}" must be a string (got ${show(m[key])})`, key2);
    }
  }
  if (typeof m.termsConditionsURL === 'string' && !isWebUrl(m.termsConditionsURL)) {
    error(M, `"termsConditionsURL" must be an http(s) URL with a host (got ${show(m.termsConditionsURL)})`, 'invalid_url');
  }

  // version: Zendesk takes any string; the package's file name and the Marketplace want semver.
  if (m.version === undefined || m.version === null) {
    stricter(M, '"version" is missing', 'Tagwise versions every package as x.y.z (semver)');
  } else if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
    stricter(M, `version ${show(m.version)} is not semver (x.y.z)`, 'Zendesk accepts any string; Tagwise versions every package as x.y.z');
  }

  // frameworkVersion: the only one Zendesk serves
  const appOnly = m.requirementsOnly === true || m.marketingOnly === true;
  if (!appOnly) {
    if (m.frameworkVersion === undefined || m.frameworkVersion === null) {
      error(M, `"frameworkVersion" is missing: an iframe app needs "frameworkVersion": "${SERVED_FRAMEWORK}"`,
        ['manifest_keys.missing', 'invalid_version', 'locations_cant_be_urls']);
    } else if (typeof m.frameworkVersion === 'string' && m.frameworkVersion !== SERVED_FRAMEWORK) {
      error(M, `"frameworkVersion" must be "${SERVED_FRAMEWORK}", the only version Zendesk serves (got ${show(m.frameworkVersion)})`, 'invalid_version');
    }
  }

  // framework 1 settings and other structured fields
  if (m.noTemplate !== undefined && m.noTemplate !== false && !(Array.isArray(m.noTemplate) && m.noTemplate.length === 0)) {
    error(M, `"noTemplate" is a framework 1 setting that framework ${SERVED_FRAMEWORK} refuses: remove it (got ${show(m.noTemplate)})`, 'no_template_deprecated_in_v2');
  }
  if (m.experiments !== undefined && m.experiments !== null) {
    if (!isObject(m.experiments)) {
      error(M, `"experiments" must be an object like {"hashParams": true} (got ${show(m.experiments)})`, 'unacceptable_hash');
    } else {
      for (const [name, on] of Object.entries(m.experiments)) {
        if (on && !EXPERIMENTS.includes(name)) {
          error(M, `experiment "${name}" is not one Zendesk allows (${EXPERIMENTS.join(', ')})`, 'invalid_experiment');
        }
      }
    }
  }
  if (m.domainWhitelist !== undefined && m.domainWhitelist !== null
    && !(Array.isArray(m.domainWhitelist) && m.domainWhitelist.every((d) => typeof d === 'string'))) {
    error(M, `"domainWhitelist" must be an array of domain strings (got ${show(m.domainWhitelist)})`, 'unacceptable_array_of_strings');
  }

  // defaultLocale
  if (m.defaultLocale === undefined || m.defaultLocale === null) {
    error(M, '"defaultLocale" is missing (e.g. "en")', 'manifest_keys.missing');
  } else if (typeof m.defaultLocale === 'string') {
    if (!VALID_LOCALE.test(m.defaultLocale)) {
      error(M, `"defaultLocale" ${show(m.defaultLocale)} is not a locale name like "en" or "pt-br"`, 'invalid_default_locale');
    } else if (!ctx.has(`translations/${m.defaultLocale}.json`)) {
      error(M, `"defaultLocale" is "${m.defaultLocale}" but translations/${m.defaultLocale}.json does not exist`, 'missing_translation_file');
    }
  }

  // oauth
  if (m.oauth !== undefined && m.oauth !== null && m.oauth !== false) {
    const missing = OAUTH_KEYS.filter((k) => !isObject(m.oauth) || !isNonEmptyString(m.oauth[k]));
    if (missing.length) error(M, `"oauth" lacks ${missing.join(', ')}`, 'oauth_keys.missing');
    const params = Array.isArray(m.parameters) ? m.parameters : [];
    if (!params.some((p) => isObject(p) && p.type === 'oauth')) {
      error(M, '"oauth" needs a parameter of type "oauth" to hold the token', 'oauth_parameter_required');
    }
  }

  if (!appOnly) checkLocations(ctx, m);
  checkParameters(ctx, m.parameters);
  return m;
}
