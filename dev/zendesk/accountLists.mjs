// The account-wide lists an agent session reads once and shares between its app instances
// (tagging on or off, ticket fields, popular tags). What a sidebar opening may cost is judged
// by the other requests, the ones about its records; the bench and the browser tests use this
// one rule.
const ACCOUNT_LIST = /^\/api\/v2\/(account\/settings|ticket_fields|tags)(\.json)?(\?|$)/;

/** Whether a request ("GET /api/v2/tags?…" or a method and a path) reads an account-wide list. */
export function isAccountListRead(methodOrCall, path) {
  const [method, target] = path === undefined ? methodOrCall.split(' ', 2) : [methodOrCall, path];
  return method === 'GET' && ACCOUNT_LIST.test(target ?? '');
}
