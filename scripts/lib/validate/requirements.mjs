// requirements.json: the account objects (targets, fields, webhooks...) an app installs.
import { parseJsonStrict } from '../json-strict.mjs';
import { isObject, show } from './context.mjs';

const R = 'requirements.json';
export const REQUIREMENT_TYPES = [
  'automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields',
  'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2',
];
// Types whose entries are not identified by a "title".
const UNTITLED = ['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'];

export function checkRequirements(ctx, manifest) {
  if (!ctx.has(R)) {
    if (manifest?.requirementsOnly === true) ctx.error(R, 'not found: a requirementsOnly app needs one', 'missing_requirements');
    return;
  }
  const parsed = parseJsonStrict(ctx.text(R));
  if ('error' in parsed) {
    ctx.error(R, `is not valid JSON (${parsed.error})`, 'requirements_not_json');
    return;
  }
  for (const d of parsed.duplicates) {
    ctx.error(R, `key "${d.key}" appears twice in ${d.at}; Zendesk refuses duplicated requirements`, 'duplicate_requirements');
  }
  const req = parsed.value;
  if (!isObject(req)) {
    ctx.error(R, `must contain a JSON object of requirement types (got ${show(req)})`, 'requirements_not_json');
    return;
  }
  const unknown = Object.keys(req).filter((k) => !REQUIREMENT_TYPES.includes(k));
  if (unknown.length) {
    ctx.error(R, `unknown requirement type${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${REQUIREMENT_TYPES.join(', ')})`,
      'invalid_requirements_types');
  }
  for (const [type, entries] of Object.entries(req)) {
    if (!REQUIREMENT_TYPES.includes(type) || UNTITLED.includes(type)) continue;
    if (!isObject(entries)) {
      ctx.error(R, `"${type}" must be an object of {"<identifier>": {...}} (got ${show(entries)})`, 'requirements_not_json');
      continue;
    }
    for (const [id, fields] of Object.entries(entries)) {
      if (isObject(fields) && !('title' in fields)) ctx.error(R, `"${type}.${id}" needs a "title"`, 'missing_required_fields');
    }
  }
}
