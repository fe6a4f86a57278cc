// @ts-check
/**
 * The part of Zendesk's search language the local Zendesk understands: `type:`, `tags:` (and
 * `-tags:`), `status:` with `:`, `<`, `>`, `<=`, `>=`. Terms are ANDed, as Zendesk does.
 * Anything else is refused rather than guessed, so a query the app builds wrongly shows up.
 */

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

/**
 * @typedef {{ type?: 'ticket'|'user'|'organization'|'group', tags: string[], notTags: string[], status: { op: string, value: string }[] }} ParsedQuery
 */

/**
 * @param {string} query
 * @returns {ParsedQuery | { error: string }}
 */
export function parseQuery(query) {
  /** @type {ParsedQuery} */
  const parsed = { tags: [], notTags: [], status: [] };
  const terms = query.trim().split(/\s+/u).filter(Boolean);
  if (!terms.length) return { error: 'The query is empty' };
  for (const term of terms) {
    let m;
    if ((m = /^type:(ticket|user|organization|group)$/i.exec(term))) parsed.type = /** @type {any} */ (m[1]?.toLowerCase());
    else if ((m = /^(-?)tags?:(.+)$/i.exec(term))) (m[1] ? parsed.notTags : parsed.tags).push((m[2] ?? '').toLowerCase().replace(/^"|"$/g, ''));
    else if ((m = /^status(:|<=|>=|<|>)(\w+)$/i.exec(term)) && STATUS_ORDER.includes((m[2] ?? '').toLowerCase())) {
      parsed.status.push({ op: m[1] ?? ':', value: (m[2] ?? '').toLowerCase() });
    } else return { error: `The local Zendesk does not understand the search term "${term}"` };
  }
  return parsed;
}

/** @param {string} status @param {{ op: string, value: string }} c */
function statusMatches(status, c) {
  const a = STATUS_ORDER.indexOf(status);
  const b = STATUS_ORDER.indexOf(c.value);
  switch (c.op) {
    case ':':
      return a === b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

/**
 * @param {ParsedQuery} q
 * @param {'ticket'|'user'|'organization'} kind
 * @param {{ tags: string[], status?: string }} record
 */
export function matchesQuery(q, kind, record) {
  if (q.type && q.type !== kind) return false;
  if (!q.tags.every((t) => record.tags.includes(t))) return false;
  if (q.notTags.some((t) => record.tags.includes(t))) return false;
  if (q.status.length && (kind !== 'ticket' || !q.status.every((c) => statusMatches(record.status ?? '', c)))) return false;
  return true;
}
