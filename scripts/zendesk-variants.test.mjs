// @vitest-environment node
// Zendesk's verdict on 108 variants of this app's package (shared/reference/
// zendesk-app-validation.md, from running zendesk_apps_support on them), rebuilt here: each
// variant starts from the packaged app unpacked in a temp folder and changes one thing.
// The validator must reject every variant Zendesk rejects, with Zendesk's error keys and one
// message per problem, and accept every one Zendesk accepts unless it says it is stricter on
// purpose.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validateApp, formatProblem } from './lib/validate-app.mjs';
import { replaceFile, unpackedApp } from './lib/packaged-app.mjs';
import { blankPng } from './lib/test-fixture.mjs';
import { encodePng } from './lib/png.mjs';
import { createZip } from './lib/zip.mjs';

const dirs = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const file = (d, rel) => path.join(d, ...rel.split('/'));
const readJson = (d, rel) => JSON.parse(fs.readFileSync(file(d, rel), 'utf8'));
const put = (d, rel, data) => replaceFile(file(d, rel), typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data, null, 2));
const del = (d, rel) => fs.rmSync(file(d, rel), { recursive: true, force: true });
const edit = (rel, fn) => (d) => {
  const v = readJson(d, rel);
  fn(v);
  put(d, rel, v);
};
const manifest = (fn) => edit('manifest.json', fn);
const en = (fn) => edit('translations/en.json', fn);
const sidebar = (fn) => manifest((m) => fn(m.location.support.ticket_sidebar, m));
const both = (...steps) => (d) => steps.forEach((s) => s(d));
/** Declare parameters, with an en.json label for each name in `labelled` (default: all). */
const params = (list, labelled = list.map((p) => p.name).filter(Boolean)) => both(
  manifest((m) => { m.parameters = list; }),
  en((t) => { t.app.parameters = Object.fromEntries(labelled.map((n) => [n, { label: `Label of ${n}` }])); }),
);
const navBarIcon = (svg) => both(
  manifest((m) => { m.location.support.nav_bar = { url: 'assets/index.html' }; }),
  (d) => put(d, 'assets/icon_nav_bar.svg', svg),
);
/** Bytes that deflate cannot shrink. */
const noise = (n) => randomBytes(n);
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18">';
const TAG_PATH = '<path fill="currentColor" d="M2 2h7l7 7-7 7-7-7z"/>';
const svg = (inner, open = SVG_OPEN) => `${open}${inner}</svg>\n`;
const listing = {
  name: 'Tagwise',
  short_description: 'Tags, quickly.',
  long_description: 'See, add and remove tags.',
  installation_instructions: 'Nothing to configure.',
};

const M = 'manifest.json: ';
const TS = 'location.support.ticket_sidebar';
const STRICT = / \(stricter than Zendesk on purpose: .+\)$/;

// [variant, Zendesk's verdict, Zendesk's error keys, the change, our errors (exact text, or a
// RegExp for a stricter-on-purpose one), warnings that must be among ours]
const variants = [
  ['00_baseline', 'accepts', [], () => {}, []],

  // files
  ['f01_pdf_in_assets', 'rejects', ['unsupported_mime_type_detected'], (d) => put(d, 'assets/guide.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
    ['assets/guide.pdf: .pdf files are refused by Zendesk (its content is PDF): remove it from the package']],
  ['f02_sh_in_assets', 'rejects', ['unsupported_mime_type_detected'], (d) => put(d, 'assets/install.sh', '#!/bin/sh\necho installed\n'),
    ['assets/install.sh: .sh files are refused by Zendesk (its content is shell script): remove it from the package']],
  ['f03_zip_renamed_png', 'rejects', ['unsupported_mime_type_detected'],
    (d) => put(d, 'assets/picture.png', createZip([{ name: 'picture.png', data: blankPng(8) }])),
    ["assets/picture.png: holds zip data whatever its name says; Zendesk refuses that type: remove it from the package"]],
  ['f04_tar_gz', 'accepts', [], (d) => {
    const tar = Buffer.alloc(1024);
    tar.write('fonts/tag.woff2', 0);
    tar.write('ustar\x0000', 257, 'latin1');
    put(d, 'assets/fonts.tar.gz', zlib.gzipSync(tar));
  }, [/^assets\/fonts\.tar\.gz: holds gzip data, a type Zendesk refuses; remove it from the package \(stricter/]],
  ['f05_exe', 'accepts', [], (d) => put(d, 'assets/tool.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)])), []],
  ['f06_symlink', 'rejects', ['symlink_in_zip'], (d) => fs.symlinkSync('index.html', file(d, 'assets/sidebar.html')),
    ['assets/sidebar.html: is a symlink; Zendesk refuses packages that hold any (copy the file instead)']],
  ['f07_banner_bad_size', 'rejects', ['banner.invalid_size'],
    (d) => put(d, 'assets/banner.png', encodePng(800, 200, new Uint8Array(800 * 200 * 4))),
    ['assets/banner.png: is 800x200; Zendesk wants 830x200 or 1660x400']],
  ['f08_banner_ok', 'accepts', [], (d) => put(d, 'assets/banner.png', encodePng(830, 200, new Uint8Array(830 * 200 * 4))), []],
  // incompressible, so the zip is as big as the file
  ['f09_big_file_3MB', 'accepts', [], (d) => put(d, 'assets/intro.webm', noise(3 * 1024 * 1024)),
    [/^\(package\): zips to 3\.\d MB; Zendesk refuses a private app over 2\.0 MB on upload \(stricter/]],
  ['f10_logo_wrong_size', 'accepts', [], (d) => put(d, 'assets/logo.png', blankPng(256)),
    [/^assets\/logo\.png: is 256x256, expected 320x320 \(stricter/]],
  ['f11_no_logos', 'accepts', [], (d) => { del(d, 'assets/logo.png'); del(d, 'assets/logo-small.png'); }, [
    /^assets\/logo\.png: not found: expected a 320x320 PNG .* \(stricter/,
    /^assets\/logo-small\.png: not found: expected a 128x128 PNG .* \(stricter/,
  ]],
  ['f12_secret_generic_keyword', 'accepts', [], (d) => put(d, 'assets/build/reset.js', 'export const reset=(s)=>s.secret&&s.passwordResetUrl;\n'), [],
    ['warning: assets/build/reset.js: Zendesk will warn "possible secret": it holds the word "secret"']],
  ['f13_requirements_bad_type', 'rejects', ['invalid_requirements_types'], (d) => put(d, 'requirements.json', { tags: { vip: { title: 'VIP' } } }),
    [/^requirements\.json: unknown requirement type "tags" \(known: automations, /]],
  ['f14_requirements_ok', 'accepts', [], (d) => put(d, 'requirements.json', {
    ticket_fields: { tagwise_reason: { type: 'tagger', title: 'Tag reason', custom_field_options: [{ name: 'VIP', value: 'vip' }] } },
  }), []],
  ['f15_requirements_dup', 'rejects', ['duplicate_requirements'],
    (d) => put(d, 'requirements.json', '{"ticket_fields": {"a": {"title": "A", "type": "text"}}, "ticket_fields": {"b": {"title": "B", "type": "text"}}}'),
    ['requirements.json: key "ticket_fields" appears twice in (top level); Zendesk refuses duplicated requirements']],
  ['f16_hidden_file', 'accepts', [], (d) => put(d, 'assets/.DS_Store', Buffer.from([0, 0, 0, 1, 66, 117, 100, 49])), []],
  ['f17_mp3', 'rejects', ['unsupported_mime_type_detected'], (d) => put(d, 'assets/ding.mp3', Buffer.concat([Buffer.from('ID3\x03\x00\x00', 'latin1'), Buffer.alloc(64)])),
    ['assets/ding.mp3: .mp3 files are refused by Zendesk (its content is MP3): remove it from the package']],

  // locations
  ['l01_url_http_127', 'rejects', ['invalid_location_uri'], sidebar((s) => { s.url = 'http://127.0.0.1:4567/index.html'; }),
    [`${M}${TS}.url "http://127.0.0.1:4567/index.html" must be https; Zendesk allows plain http only for the name "localhost", not an IP address`]],
  ['l02_url_http_localhost', 'accepts', [], sidebar((s) => { s.url = 'http://localhost:4567/index.html'; }), []],
  ['l03_url_http_remote', 'rejects', ['invalid_location_uri'], sidebar((s) => { s.url = 'http://apps.tagwise.example/index.html'; }),
    [`${M}${TS}.url "http://apps.tagwise.example/index.html" must be https (plain http is allowed only for localhost)`]],
  ['l04_url_missing_asset', 'rejects', ['invalid_location_uri'], sidebar((s) => { s.url = 'assets/sidebar.html'; }),
    [`${M}${TS}.url "assets/sidebar.html" is not a file in the package (run npm run build)`]],
  ['l05_url_not_under_assets', 'rejects', ['invalid_location_uri'], sidebar((s) => { s.url = 'translations/en.json'; }),
    [`${M}${TS}.url "translations/en.json" must be a path under assets/ (e.g. assets/index.html) or an https URL`]],
  ['l06_url_setting_placeholder', 'accepts', [], sidebar((s) => { s.url = 'https://{{setting.subdomain}}.tagwise.example/sidebar'; }), [],
    [`warning: ${M}${TS}.url uses {{setting.subdomain}}, which is not a parameter of this app`]],
  ['l07_autoLoad_false_no_url', 'accepts', [], sidebar((s) => { delete s.url; s.autoLoad = false; }), []],
  ['l08_chat_modal', 'rejects', ['invalid_location'], manifest((m) => { m.location.chat = { modal: 'assets/index.html' }; }),
    [`${M}location.chat.modal: "modal" is not a chat location (chat has background, chat_sidebar)`]],
  ['l09_sell_dashboard', 'accepts', [], manifest((m) => { m.location.sell = { dashboard: { url: 'assets/index.html' } }; }), []],
  ['l10_legacy_host_zendesk', 'accepts', [], manifest((m) => { m.location = { zendesk: m.location.support }; }), []],
  ['l11_standalone_chat', 'accepts', [], manifest((m) => { m.location.standalone_chat = { nav_bar: 'assets/index.html' }; }), []],
  ['l12_custom_object_record_sidebar', 'rejects', ['invalid_location'],
    manifest((m) => { m.location.support.custom_object_record_sidebar = { url: 'assets/index.html' }; }),
    [`${M}location.support.custom_object_record_sidebar: "custom_object_record_sidebar" is not a support location (it needs a custom objects feature Zendesk does not enable for uploaded apps)`]],
  ['l13_unknown_location', 'rejects', ['invalid_location'], manifest((m) => { m.location.support.ticket_panel = { url: 'assets/index.html' }; }),
    [/^manifest\.json: location\.support\.ticket_panel: "ticket_panel" is not a support location \(support has background, modal, nav_bar, /]],
  ['l14_flexible_string', 'rejects', ['invalid_location_flexible_type'], sidebar((s) => { s.flexible = 'true'; }),
    [`${M}${TS}.flexible must be true or false (got "true")`]],
  ['l15_location_array_v1_style', 'rejects', ['locations_must_be_urls'], manifest((m) => { m.location = ['ticket_sidebar', 'user_sidebar']; }),
    [`${M}"location" must be an object of urls like {"support": {"ticket_sidebar": {"url": "assets/index.html"}}}; a list of names is the framework 1 form (got ["ticket_sidebar","user_sidebar"])`]],
  ['l16_nav_bar_no_icon', 'accepts', [], both(
    manifest((m) => { m.location.support.nav_bar = { url: 'assets/index.html' }; }),
    (d) => del(d, 'assets/icon_nav_bar.svg'),
  ), [], [`warning: ${M}location.support.nav_bar shows an icon, but there is no assets/icon_nav_bar.svg: Zendesk shows a default one`]],
  ['l17_dotdot_path', 'accepts', [], sidebar((s) => { s.url = 'assets/../assets/index.html'; }), []],

  // manifest
  ['m01_noTemplate_true', 'rejects', ['no_template_deprecated_in_v2'], manifest((m) => { m.noTemplate = true; }),
    [`${M}"noTemplate" is a framework 1 setting that framework 2.0 refuses: remove it (got true)`]],
  ['m02_noTemplate_array', 'rejects', ['no_template_deprecated_in_v2'], manifest((m) => { m.noTemplate = ['ticket_sidebar']; }),
    [`${M}"noTemplate" is a framework 1 setting that framework 2.0 refuses: remove it (got ["ticket_sidebar"])`]],
  ['m03_experiments_unknown', 'rejects', ['invalid_experiment'], manifest((m) => { m.experiments = { fastPaint: true }; }),
    [`${M}experiment "fastPaint" is not one Zendesk allows (hashParams, newCssCompiler)`]],
  ['m04_experiments_not_hash', 'rejects', ['unacceptable_hash'], manifest((m) => { m.experiments = ['hashParams']; }),
    [`${M}"experiments" must be an object like {"hashParams": true} (got ["hashParams"])`]],
  ['m05_domainWhitelist_string', 'rejects', ['unacceptable_array_of_strings'], manifest((m) => { m.domainWhitelist = 'tagwise.example'; }),
    [`${M}"domainWhitelist" must be an array of domain strings (got "tagwise.example")`]],
  ['m06_duplicate_key', 'rejects', ['duplicate_manifest_keys'], (d) => {
    put(d, 'manifest.json', fs.readFileSync(file(d, 'manifest.json'), 'utf8').replace('{', '{\n  "private": false,'));
  }, [`${M}key "private" appears twice in (top level); JSON keeps only the last one, and Zendesk refuses the manifest`]],
  ['m07_no_author', 'rejects', ['manifest_keys.missing'], manifest((m) => { delete m.author; }),
    [`${M}"author" is missing: give {"name", "email", "url"}`]],
  ['m08_no_name', 'accepts', [], manifest((m) => { delete m.name; }), []],
  ['m09_version_number', 'rejects', ['unacceptable_string'], manifest((m) => { m.version = 1; }),
    [`${M}"version" must be a string (got 1)`]],
  ['m10_version_not_semver', 'accepts', [], manifest((m) => { m.version = '1.0'; }),
    [/^manifest\.json: version "1\.0" is not semver \(x\.y\.z\) \(stricter/]],
  ['m11_framework_2', 'rejects', ['invalid_version'], manifest((m) => { m.frameworkVersion = '2'; }),
    [`${M}"frameworkVersion" must be "2.0", the only version Zendesk serves (got "2")`]],
  ['m12_framework_missing', 'rejects', ['invalid_version', 'locations_cant_be_urls', 'manifest_keys.missing'],
    manifest((m) => { delete m.frameworkVersion; }),
    [`${M}"frameworkVersion" is missing: an iframe app needs "frameworkVersion": "2.0"`]],
  ['m13_private_missing', 'accepts', [], manifest((m) => { delete m.private; }), []],
  ['m14_private_string', 'rejects', ['unacceptable_boolean'], manifest((m) => { m.private = 'true'; }),
    [`${M}"private" must be true or false, or left out for a private app (got "true")`]],
  ['m15_singleInstall_string', 'rejects', ['unacceptable_boolean'], manifest((m) => { m.singleInstall = 'yes'; }),
    [`${M}"singleInstall" must be true or false (got "yes")`]],
  ['m16_termsURL_ftp', 'rejects', ['invalid_url'], manifest((m) => { m.termsConditionsURL = 'ftp://tagwise.example/terms'; }),
    [`${M}"termsConditionsURL" must be an http(s) URL with a host (got "ftp://tagwise.example/terms")`]],
  ['m17_gaID_number', 'rejects', ['unacceptable_string'], manifest((m) => { m.gaID = 12345; }),
    [`${M}"gaID" must be a string (got 12345)`]],
  ['m18_remoteInstallationURL_number', 'rejects', ['unacceptable_string'], manifest((m) => { m.remoteInstallationURL = 42; }),
    [`${M}"remoteInstallationURL" must be a string (got 42)`]],
  ['m19_author_url_not_url', 'rejects', ['invalid_url'], manifest((m) => { m.author.url = 'tagwise dot example'; }),
    [`${M}"author.url" must be an http(s) URL with a host (got "tagwise dot example")`]],
  ['m20_author_email_not_email', 'accepts', [], manifest((m) => { m.author.email = 'support at tagwise'; }), [],
    [`warning: ${M}"author.email" "support at tagwise" does not look like an email address (Zendesk accepts it, but shows it to admins)`]],
  ['m21_defaultLocale_upper', 'rejects', ['invalid_default_locale'], manifest((m) => { m.defaultLocale = 'EN'; }),
    [`${M}"defaultLocale" "EN" is not a locale name like "en" or "pt-br"`]],
  ['m22_manifest_nested', 'rejects', ['nested_manifest'], (d) => {
    fs.mkdirSync(file(d, 'tagwise'));
    for (const name of fs.readdirSync(d).filter((n) => n !== 'tagwise')) fs.renameSync(file(d, name), file(d, `tagwise/${name}`));
  }, [`${M}not at the root of the package but in tagwise/: zip the app folder's contents, not the folder`]],

  // parameters
  ['p01_type_password', 'rejects', ['invalid_type_parameter'], params([{ name: 'api_password', type: 'password' }]),
    [`${M}parameter "api_password": type "password" is refused by Zendesk; use "type": "text" with "secure": true`]],
  ['p02_type_mtls', 'rejects', ['invalid_type_parameter'], params([{ name: 'client_certificate', type: 'mtls' }]),
    [`${M}parameter "client_certificate": type "mtls" needs a Zendesk feature that uploaded apps do not have`]],
  ['p03_type_unknown', 'rejects', ['invalid_type_parameter'], params([{ name: 'mode', type: 'dropdown' }]),
    [`${M}parameter "mode": unknown type "dropdown" (one of text, checkbox, url, number, multiline, hidden, oauth)`]],
  ['p04_named_name', 'rejects', ['name_as_parameter_name'], params([{ name: 'name', type: 'text' }]),
    [`${M}a parameter cannot be called "name" (Zendesk keeps it for the app's own name)`]],
  ['p05_hidden_required', 'rejects', ['invalid_hidden_parameter'], params([{ name: 'account_id', type: 'hidden', required: true }]),
    [`${M}parameter "account_id": a hidden parameter cannot be required (admins never see it to fill it in)`]],
  ['p06_required_string', 'rejects', ['unacceptable_boolean'], params([{ name: 'subdomain', type: 'text', required: 'true' }]),
    [`${M}parameter "subdomain": "required" must be true or false (got "true")`]],
  ['p07_secure_string', 'rejects', ['unacceptable_boolean'], params([{ name: 'api_token', type: 'text', secure: 'true', scopes: ['header'] }]),
    [`${M}parameter "api_token": "secure" must be true or false (got "true")`]],
  ['p08_scopes_not_secure', 'rejects', ['field_requires_secure_parameter'], params([{ name: 'subdomain', type: 'text', scopes: ['url'] }]),
    [`${M}parameter "subdomain": "scopes" apply only to a secure parameter; add "secure": true`]],
  ['p09_scopes_bad_value', 'rejects', ['field_contains_invalid_values'], params([{ name: 'api_token', type: 'text', secure: true, scopes: ['header', 'cookie'] }]),
    [`${M}parameter "api_token": unknown scopes "cookie" (one of header, body, url, jwt_secret_key, jwt_claim, basic_auth_username, basic_auth_password)`]],
  ['p10_scopes_empty', 'rejects', ['field_cannot_be_empty'], params([{ name: 'api_token', type: 'text', secure: true, scopes: [] }]),
    [`${M}parameter "api_token": "scopes" cannot be empty`]],
  ['p11_two_oauth', 'rejects', ['too_many_oauth_parameters'], params([{ name: 'token', type: 'oauth' }, { name: 'other_token', type: 'oauth' }]),
    [`${M}at most one parameter may have type "oauth"`]],
  ['p12_oauth_secure', 'rejects', ['oauth_parameter_cannot_be_secure'], params([{ name: 'token', type: 'oauth', secure: true, scopes: ['header'] }]),
    [`${M}parameter "token": an oauth parameter cannot be secure (Zendesk keeps its token itself)`]],
  ['p13_oauth_block_incomplete', 'rejects', ['oauth_keys.missing', 'oauth_parameter_required'],
    manifest((m) => { m.oauth = { client_id: 'tagwise', authorize_uri: 'https://auth.tagwise.example/authorize' }; }), [
      `${M}"oauth" lacks client_secret, access_token_uri`,
      `${M}"oauth" needs a parameter of type "oauth" to hold the token`,
    ]],
  ['p14_secure_no_scopes_warn', 'accepts', [], params([{ name: 'api_token', type: 'text', secure: true }]), [],
    [`warning: ${M}parameter "api_token" is secure but has no "scopes": Zendesk will insert it anywhere in a request; name where it goes (e.g. ["header"])`]],
  ['p15_secure_with_scopes_ok', 'accepts', [], params([{ name: 'api_token', type: 'text', secure: true, scopes: ['header'] }]), []],
  ['p16_insecure_token_text_warn', 'accepts', [], params([{ name: 'api_token', type: 'text' }]), [],
    [`warning: ${M}parameter "api_token" looks like a credential but is not secure: add "secure": true so Zendesk never sends it to the browser`]],
  ['p17_hidden_default_warn', 'accepts', [], params([{ name: 'account_id', type: 'hidden', default: '12345' }]), [],
    [`warning: ${M}parameter "account_id": a default on a hidden parameter ships in the package for everyone to read`]],
  ['p18_no_name', 'accepts', [], params([{ type: 'text' }]), [],
    [`warning: ${M}parameters[0] has no "name", so the app can never read it`]],
  ['p19_no_label_in_en', 'accepts', [], params([{ name: 'subdomain', type: 'text' }], []), [],
    ['warning: translations/en.json: parameter "subdomain" has no "app.parameters.subdomain.label": admins will see its bare name']],
  ['p20_label_missing_in_de', 'rejects', ['translation.missing_required_key_on_leaf'], both(
    params([{ name: 'subdomain', type: 'text' }]),
    edit('translations/de.json', (t) => { t.app = { parameters: { subdomain: { helpText: 'Ihre Zendesk-Subdomain' } } }; }),
  ), ['translations/de.json: "app.parameters.subdomain" needs a "label" (Zendesk wants one in every locale file)']],
  ['p21_duplicate_param', 'rejects', ['duplicate_parameters'], params([{ name: 'subdomain', type: 'text' }, { name: 'subdomain', type: 'url' }]),
    [`${M}parameter "subdomain" is declared more than once`]],
  ['p22_parameters_object', 'rejects', ['parameters_not_an_array', 'unacceptable_array'],
    manifest((m) => { m.parameters = { subdomain: { type: 'text' } }; }),
    [`${M}"parameters" must be an array of settings like [{"name": "subdomain", "type": "text"}] (got {"subdomain":{"type":"text"}})`]],

  // secrets and SVG icons (assets/icon_nav_bar.svg, shown by a nav_bar location)
  ['s01_svg_minimal', 'accepts', [], navBarIcon(svg(TAG_PATH)), []],
  ['s02_svg_xml_decl', 'accepts', [], navBarIcon(`<?xml version="1.0" encoding="UTF-8"?>\n${svg(TAG_PATH)}`), []],
  ['s03_svg_pretty_printed', 'accepts', [], navBarIcon(`${SVG_OPEN}\n  <g>\n    ${TAG_PATH}\n  </g>\n</svg>\n`), []],
  ['s04_svg_title', 'accepts', [], navBarIcon(svg(`<title>Tag manager</title>${TAG_PATH}`)), []],
  ['s05_svg_script', 'accepts', [], navBarIcon(svg(`${TAG_PATH}<script>alert(1)</script>`)),
    [/^assets\/icon_nav_bar\.svg: <script>: Zendesk strips this element \(line 1\) \(stricter than Zendesk on purpose: Zendesk accepts the file but rewrites it on upload/]],
  ['s06_svg_image', 'accepts', [], navBarIcon(svg('<image width="18" height="18" href="data:image/png;base64,iVBORw0KGgo="/>')),
    [/^assets\/icon_nav_bar\.svg: <image>: Zendesk replaces the whole icon with its placeholder when an SVG holds a bitmap \(line 1\) \(stricter/]],
  ['s07_svg_symbol_default', 'accepts', [], navBarIcon(svg(`<symbol id="default" viewBox="0 0 18 18">${TAG_PATH}</symbol><symbol id="active" viewBox="0 0 18 18">${TAG_PATH}</symbol>`)), []],
  ['s08_svg_xlink_use', 'accepts', [],
    navBarIcon(svg(`<defs><path id="tag" d="M2 2h7l7 7-7 7-7-7z"/></defs><use xlink:href="#tag" fill="currentColor"/>`,
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 18 18">')), []],
  ['s09_svg_style_attr', 'accepts', [], navBarIcon(svg('<path style="fill: currentColor" d="M2 2h7l7 7-7 7-7-7z"/>')),
    [/^assets\/icon_nav_bar\.svg: <path> style: Zendesk rewrites style attributes; use presentation attributes such as fill \(line 1\) \(stricter/]],
  ['s10_svg_onload', 'accepts', [], navBarIcon(svg(TAG_PATH, SVG_OPEN.replace('<svg ', '<svg onload="alert(1)" '))),
    [/^assets\/icon_nav_bar\.svg: <svg> onload: Zendesk strips event handlers \(line 1\) \(stricter/]],
  ['s11_svg_stroke_attrs', 'accepts', [],
    navBarIcon(svg('<path fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" d="M2 2h7l7 7-7 7-7-7z"/><circle cx="6" cy="6" r="1.5"/>')), []],
  ['s12_svg_no_viewbox', 'accepts', [], navBarIcon(svg(TAG_PATH, '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18">')),
    [/^assets\/icon_nav_bar\.svg: the <svg> has no viewBox \(line 1\) \(stricter than Zendesk on purpose: Zendesk serves it as it is, but without a viewBox/]],

  // translations
  ['t01_locale_sr_latn', 'rejects', ['translation.invalid_locale'], (d) => put(d, 'translations/sr-latn.json', { tagwise: {} }),
    ['translations/sr-latn.json: the file name is not a locale: use e.g. en.json, pt-br.json or pt-BR.json, directly in translations/']],
  ['t02_locale_pt_BR', 'accepts', [], (d) => fs.renameSync(file(d, 'translations/pt-br.json'), file(d, 'translations/pt-BR.json')), []],
  ['t03_locale_en_US_underscore', 'rejects', ['translation.invalid_locale'], (d) => put(d, 'translations/en_US.json', { tagwise: {} }),
    ['translations/en_US.json: the file name is not a locale: use e.g. en.json, pt-br.json or pt-BR.json, directly in translations/']],
  ['t04_not_object', 'rejects', ['translation.not_json_object'], (d) => put(d, 'translations/fr.json', '["Étiquettes"]'),
    ['translations/fr.json: must contain a JSON object']],
  ['t05_not_json', 'rejects', ['translation.not_json'], (d) => put(d, 'translations/fr.json', '{"tagwise": {"loading": "Chargement"'),
    [/^translations\/fr\.json: is not valid JSON \(/]],
  ['t06_nested_dir', 'rejects', ['translation.invalid_locale'], (d) => put(d, 'translations/extra/fr.json', { tagwise: {} }),
    ['translations/extra/fr.json: the file name is not a locale: use e.g. en.json, pt-br.json or pt-BR.json, directly in translations/']],
  ['t07_non_json_file', 'accepts', [], (d) => put(d, 'translations/README.md', 'Translators: keep the {{placeholders}}.\n'), []],
  ['t08_app_package_bad', 'rejects', ['translation.invalid_format'], en((t) => { t.app.package = 'tagwise'; }),
    [`translations/en.json: "app.package" marks the file as Zendesk's translation-package format, where every entry is {"title": ..., "value": ...}, but "app.name" is not; remove "app.package" or convert the file`]],
  ['t08b_package_titled_bad', 'rejects', ['translation.invalid_format'], (d) => put(d, 'translations/en.json', {
    app: {
      package: 'tagwise',
      name: { title: 'App name', value: 'Tagwise' },
      short_description: { title: 'Listing', value: 'Tags, quickly.' },
      long_description: { title: 'Listing', value: 'See, add and remove tags.' },
      installation_instructions: { title: 'Listing', value: 3 },
    },
  }), [`translations/en.json: "app.package" marks the file as Zendesk's translation-package format, where every entry is {"title": ..., "value": ...}, but "app.installation_instructions.title" is not; remove "app.package" or convert the file`]],
  ['t09_private_only_name', 'accepts', [], en((t) => { t.app = { name: 'Tagwise' }; }), [
    /^translations\/en\.json: "app\.short_description" must be a non-empty string \(stricter/,
    /^translations\/en\.json: "app\.long_description" must be a non-empty string \(stricter/,
    /^translations\/en\.json: "app\.installation_instructions" must be a non-empty string \(stricter/,
  ]],
  ['t10_public_only_name', 'rejects', ['translation.missing_required_key'], both(manifest((m) => { m.private = false; }), en((t) => { t.app = { name: 'Tagwise' }; })), [
    'translations/en.json: "app.short_description" is missing (a public app\'s listing shows it)',
    'translations/en.json: "app.long_description" is missing (a public app\'s listing shows it)',
    'translations/en.json: "app.installation_instructions" is missing (a public app\'s listing shows it)',
  ]],
  ['t11_public_full', 'accepts', [], both(manifest((m) => { m.private = false; }), en((t) => { t.app = { ...listing }; })), []],
  ['t12_public_description_alias', 'accepts', [], both(manifest((m) => { m.private = false; }), en((t) => {
    const { short_description: description, ...rest } = listing;
    t.app = { ...rest, description };
  })), []],
  ['t13_en_no_name', 'rejects', ['translation.missing_required_key'], en((t) => { delete t.app.name; }),
    ['translations/en.json: "app.name" is missing (the app\'s name in Zendesk)']],
  ['t14_product_scoped_en', 'accepts', [], en((t) => { t.app = { support: { ...listing } }; }), []],
  ['t15_product_scoped_mismatch', 'rejects', ['translation.products_do_not_match_manifest_products'], en((t) => { t.app = { chat: { ...listing } }; }),
    ['translations/en.json: "app" has texts for chat, but the manifest\'s locations are only for support']],
  ['t16_default_fr_no_en', 'accepts', [], both(manifest((m) => { m.defaultLocale = 'fr'; }), (d) => del(d, 'translations/en.json')), [],
    ['warning: translations/fr.json: the default locale\'s file has no "app.name": Zendesk accepts that, but shows no name in fr']],
];

describe("Zendesk's verdict on 108 variants of the package", () => {
  it('covers every variant of the reference once', () => {
    const names = variants.map((v) => v[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(108);
  });

  it.each(variants)('%s: Zendesk %s', (name, verdict, keys, change, errors, warnings = []) => {
    const dir = unpackedApp();
    dirs.push(dir);
    change(dir);
    const problems = validateApp(dir, { files: 'folder' });
    const ours = problems.filter((p) => p.severity === 'error');
    const lines = ours.map(formatProblem);

    expect(lines, lines.join('\n')).toHaveLength(errors.length);
    errors.forEach((e, i) => (typeof e === 'string' ? expect(lines[i]).toBe(e) : expect(lines[i]).toMatch(e)));

    // Zendesk's error keys, from the errors that are not ours alone
    const zendesk = [...new Set(ours.filter((p) => !p.stricter).flatMap((p) => p.zendesk))].sort();
    expect(zendesk).toEqual([...keys].sort());
    if (verdict === 'accepts') {
      for (const p of ours) {
        expect(p.stricter, formatProblem(p)).toBe(true);
        expect(p.message).toMatch(STRICT);
      }
    } else {
      expect(ours.some((p) => !p.stricter)).toBe(true);
    }
    const warned = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    for (const w of warnings) expect(warned).toContain(w);
  });

});
