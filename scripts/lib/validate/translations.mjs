// translations/*.json: locale names, JSON shape, parameter labels, and the listing texts.
import { parseJsonStrict } from '../json-strict.mjs';
import { isObject, isNonEmptyString } from './context.mjs';
import { KNOWN_LOCATIONS, manifestProducts } from './locations.mjs';
import { VALID_LOCALE } from './manifest.mjs';

export const LISTING_TEXTS = ['short_description', 'long_description', 'installation_instructions'];
const PRODUCTS = Object.keys(KNOWN_LOCATIONS);

/**
 * @param {Record<string, unknown> | null} manifest null when manifest.json could not be read
 */
export function checkTranslations(ctx, manifest) {
  const { error, warn } = ctx;
  const parsed = new Map();
  for (const f of ctx.files) {
    const match = /^translations\/(.*)\.json$/.exec(f.path);
    if (!match) continue;
    if (!VALID_LOCALE.test(match[1])) {
      error(f.path, 'the file name is not a locale: use e.g. en.json, pt-br.json or pt-BR.json, directly in translations/', 'translation.invalid_locale');
      continue;
    }
    const t = parseJsonStrict(ctx.text(f.path));
    if ('error' in t) {
      error(f.path, `is not valid JSON (${t.error})`, 'translation.not_json');
      continue;
    }
    if (!isObject(t.value)) {
      error(f.path, 'must contain a JSON object', 'translation.not_json_object');
      continue;
    }
    for (const d of t.duplicates) warn(f.path, `key "${d.key}" appears twice in ${d.at}; only the last one is used`);
    checkParameterLabels(ctx, f.path, t.value);
    // A file Zendesk cannot read as translations gets no further checks, as on upload.
    const texts = readPackageFormat(ctx, f.path, t.value);
    if (texts) parsed.set(match[1], texts);
  }
  if (!manifest) return;

  // Zendesk checks the listing texts in en.json only, whatever the default locale.
  const isPublic = manifest.private === false;
  const en = parsed.get('en');
  if (en) checkListing(ctx, 'translations/en.json', en, manifest, isPublic);
  const dl = manifest.defaultLocale;
  const own = typeof dl === 'string' && dl !== 'en' ? parsed.get(dl) : undefined;
  if (own && !(isObject(own.app) && isNonEmptyString(own.app.name))) {
    warn(`translations/${dl}.json`, `the default locale's file has no "app.name": Zendesk accepts that, but shows no name in ${dl}`);
  }
  warnUnlabelledParameters(ctx, parsed.get(String(manifest.defaultLocale)), manifest);
}

// An "app.package" key marks Zendesk's translation-package format: every entry is
// {title, value}. Returns the texts as plain strings, or null when the format is broken.
function readPackageFormat(ctx, file, json) {
  if (!isObject(json.app) || json.app.package === undefined) return json;
  const bad = findPlainEntry(json, '', (key, parent) => parent === 'app' && key === 'package');
  if (bad) {
    ctx.error(file, `"app.package" marks the file as Zendesk's translation-package format, where every entry is {"title": ..., "value": ...}, but "${bad}" is not; remove "app.package" or convert the file`,
      'translation.invalid_format');
    return null;
  }
  const unwrap = (node) => Object.fromEntries(Object.entries(node).map(([k, v]) => [k, isObject(v) && 'value' in v && 'title' in v ? v.value : isObject(v) ? unwrap(v) : v]));
  return unwrap(json);
}

function findPlainEntry(node, at, skip) {
  for (const [key, value] of Object.entries(node)) {
    if (skip(key, at)) continue;
    const here = at ? `${at}.${key}` : key;
    if (!isObject(value)) return here;
    const keys = Object.keys(value).sort();
    if (keys.length === 2 && keys[0] === 'title' && keys[1] === 'value'
      && typeof value.title === 'string' && typeof value.value === 'string') continue;
    const inner = findPlainEntry(value, here, skip);
    if (inner) return inner;
  }
  return null;
}

function checkParameterLabels(ctx, file, json) {
  const params = isObject(json.app) ? json.app.parameters : undefined;
  if (params === undefined || params === null) return;
  if (!isObject(params)) {
    ctx.error(file, '"app.parameters" must be an object of {"<name>": {"label": ...}}', 'translation.missing_required_key_on_leaf');
    return;
  }
  for (const [name, entry] of Object.entries(params)) {
    if (!isObject(entry) || !('label' in entry)) {
      ctx.error(file, `"app.parameters.${name}" needs a "label" (Zendesk wants one in every locale file)`, 'translation.missing_required_key_on_leaf');
    }
  }
}

function checkListing(ctx, file, json, manifest, isPublic) {
  const app = isObject(json.app) ? json.app : {};
  const scoped = Object.keys(app).filter((k) => PRODUCTS.includes(k));
  if (scoped.length) {
    const products = manifestProducts(manifest);
    const extra = scoped.filter((p) => !products.includes(p));
    if (extra.length) {
      ctx.error(file, `"app" has texts for ${extra.join(', ')}, but the manifest's locations are only for ${products.join(', ')}`,
        'translation.products_do_not_match_manifest_products');
    }
    for (const product of scoped) {
      checkRequiredTexts(ctx, file, isObject(app[product]) ? app[product] : {}, `app.${product}`, isPublic, 'translation.missing_required_key_for_product');
    }
    return;
  }
  checkRequiredTexts(ctx, file, app, 'app', isPublic, 'translation.missing_required_key');
}

function checkRequiredTexts(ctx, file, texts, at, isPublic, zendeskKey) {
  // Zendesk only wants the keys present; an empty text is refused here on purpose.
  const need = (key, value, why) => {
    if (isNonEmptyString(value)) return;
    if (value === undefined) ctx.error(file, `"${at}.${key}" is missing (${why})`, zendeskKey);
    else ctx.stricter(file, `"${at}.${key}" must be a non-empty string (got ${JSON.stringify(value)})`, 'Zendesk only checks that the key is there');
  };
  need('name', texts.name, "the app's name in Zendesk");
  for (const key of LISTING_TEXTS) {
    // "description" is Zendesk's older name for short_description
    const value = key === 'short_description' ? texts.short_description ?? texts.description : texts[key];
    if (isPublic) need(key, value, "a public app's listing shows it");
    else if (ctx.options.requireListingTexts && !isNonEmptyString(value)) {
      ctx.stricter(file, `"${at}.${key}" must be a non-empty string`,
        'Zendesk asks for it only from public apps; Tagwise keeps its listing texts complete (--zaf-minimum checks as Zendesk does)');
    }
  }
}

function warnUnlabelledParameters(ctx, json, manifest) {
  if (!json || !Array.isArray(manifest.parameters)) return;
  const labels = isObject(json.app) && isObject(json.app.parameters) ? json.app.parameters : {};
  for (const p of manifest.parameters) {
    if (!isObject(p) || typeof p.name !== 'string' || p.type === 'hidden') continue;
    if (!isObject(labels[p.name]) || !isNonEmptyString(labels[p.name].label)) {
      ctx.warn(`translations/${manifest.defaultLocale}.json`, `parameter "${p.name}" has no "app.parameters.${p.name}.label": admins will see its bare name`);
    }
  }
}
