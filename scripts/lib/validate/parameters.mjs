// manifest.parameters: the settings an admin fills in when installing the app.
import { isObject, show } from './context.mjs';

const M = 'manifest.json';

export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
export const SECURE_SCOPES = ['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password'];
// Zendesk warns when a plain text setting has a name like these (it should be secure).
const SECRET_LIKE_NAME = /token|key|pwd|password/i;

export function checkParameters(ctx, parameters) {
  const { error, warn } = ctx;
  if (parameters === undefined || parameters === null) return;
  if (!Array.isArray(parameters)) {
    error(M, `"parameters" must be an array of settings like [{"name": "subdomain", "type": "text"}] (got ${show(parameters)})`,
      ['parameters_not_an_array', 'unacceptable_array']);
    return;
  }
  const params = [];
  parameters.forEach((p, i) => {
    if (isObject(p)) params.push(p);
    else error(M, `parameters[${i}] must be an object with a "name" (got ${show(p)})`, 'unacceptable_hash');
  });
  const label = (p) => `parameter "${p.name}"`;

  const names = params.map((p) => p.name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    error(M, `parameter "${name}" is declared more than once`, 'duplicate_parameters');
  }
  params.forEach((p, i) => {
    if (p.name === undefined || p.name === null) warn(M, `parameters[${i}] has no "name", so the app can never read it`);
    if (p.name === 'name') error(M, 'a parameter cannot be called "name" (Zendesk keeps it for the app\'s own name)', 'name_as_parameter_name');

    const type = p.type ?? 'text';
    if (type === 'password') {
      error(M, `${label(p)}: type "password" is refused by Zendesk; use "type": "text" with "secure": true`, 'invalid_type_parameter');
    } else if (type === 'mtls') {
      error(M, `${label(p)}: type "mtls" needs a Zendesk feature that uploaded apps do not have`, 'invalid_type_parameter');
    } else if (!PARAMETER_TYPES.includes(type)) {
      error(M, `${label(p)}: unknown type ${show(type)} (one of ${PARAMETER_TYPES.join(', ')})`, 'invalid_type_parameter');
    }

    for (const flag of ['required', 'secure']) {
      if (p[flag] !== undefined && p[flag] !== null && typeof p[flag] !== 'boolean') {
        error(M, `${label(p)}: "${flag}" must be true or false (got ${show(p[flag])})`, 'unacceptable_boolean');
      }
    }
    if (type === 'hidden' && p.required) {
      error(M, `${label(p)}: a hidden parameter cannot be required (admins never see it to fill it in)`, 'invalid_hidden_parameter');
    }
    if (type === 'oauth' && p.secure) {
      error(M, `${label(p)}: an oauth parameter cannot be secure (Zendesk keeps its token itself)`, 'oauth_parameter_cannot_be_secure');
    }
    checkScopes(ctx, p, label(p));
    checkDefault(ctx, p, type, label(p));

    if (SECRET_LIKE_NAME.test(String(p.name ?? '')) && type === 'text' && !p.secure) {
      warn(M, `${label(p)} looks like a credential but is not secure: add "secure": true so Zendesk never sends it to the browser`,
        'insecure_token_parameter_in_manifest');
    }
    if ('default' in p && (p.secure || type === 'hidden')) {
      warn(M, `${label(p)}: a default on a ${p.secure ? 'secure' : 'hidden'} parameter ships in the package for everyone to read`,
        'default_secure_or_hidden_parameter_in_manifest');
    }
    if (p.secure === true && !(Array.isArray(p.scopes) && p.scopes.length)) {
      warn(M, `${label(p)} is secure but has no "scopes": Zendesk will insert it anywhere in a request; name where it goes (e.g. ["header"])`,
        'secure_parameters_with_no_scopes_in_manifest');
    }
  });

  if (params.filter((p) => p.type === 'oauth').length > 1) {
    error(M, 'at most one parameter may have type "oauth"', 'too_many_oauth_parameters');
  }
}

// What each type's value is when ZAF hands the settings to the app.
const DEFAULT_TYPES = { checkbox: 'boolean', number: 'number', text: 'string', multiline: 'string', url: 'string', hidden: 'string' };

function checkDefault(ctx, p, type, label) {
  const want = DEFAULT_TYPES[type];
  if (!('default' in p) || !want || typeof p.default === want) return;
  ctx.stricter(M, `${label}: a ${type} setting's "default" must be a ${want} (got ${show(p.default)})`,
    'Zendesk stores any default, and the app would then read a value of the wrong type');
}

function checkScopes(ctx, p, label) {
  const { error } = ctx;
  if (p.scopes === undefined || p.scopes === null) return;
  if (!p.secure) error(M, `${label}: "scopes" apply only to a secure parameter; add "secure": true`, 'field_requires_secure_parameter');
  if (!Array.isArray(p.scopes)) {
    error(M, `${label}: "scopes" must be an array (got ${show(p.scopes)})`, 'unacceptable_array');
    return;
  }
  if (p.scopes.length === 0) error(M, `${label}: "scopes" cannot be empty`, 'field_cannot_be_empty');
  const invalid = p.scopes.filter((s) => !SECURE_SCOPES.includes(s));
  if (invalid.length) {
    error(M, `${label}: unknown scopes ${invalid.map((s) => show(s)).join(', ')} (one of ${SECURE_SCOPES.join(', ')})`, 'field_contains_invalid_values');
  }
}
