// Warnings Zendesk prints on upload without refusing the app, reproduced so that each one is
// seen before an upload and can be judged (README, "Zendesk's warnings on upload").
//   - "possible secret": its pattern scan of every .html/.htm/.xml/.js/.json file, which fires
//     on words, not on secrets (a `token:` property is enough);
//   - "insecure http request": any http:// text in .js and .html files.

// Zendesk's generic patterns: the word, a separator, then 4+ token-like characters later on
// the same line.
const POSSIBLE = [
  { label: 'Token', word: 'token', re: /token(?: [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156}/i },
  { label: 'Password', word: 'password', re: /password.*.[0-9a-zA-Z+_.-]{4,156}/i },
];
// Words it reports per file (case as written).
const KEYWORDS = /password|secret|secretToken|secret_token|auth_key|authKey|auth_pass|authPass|auth_user|AuthUser|api_key/;
const SCANNED = /(html?|xml|js|json?)$/;
const HTTP = /http:\/\/[^\s"'`<>()\\{}|^]+/g;

export function warnAsZendesk(ctx) {
  for (const f of ctx.files) {
    if (!SCANNED.test(f.path)) continue;
    const text = ctx.text(f.path);
    const lower = text.toLowerCase();
    for (const p of POSSIBLE) {
      const m = lower.includes(p.word) ? p.re.exec(text) : null;
      if (m) {
        ctx.warn(f.path, `Zendesk will warn "possible ${p.label}": it matches ${JSON.stringify(excerpt(m[0]))}`, 'application_secret');
      }
    }
    const k = KEYWORDS.exec(text);
    if (k) ctx.warn(f.path, `Zendesk will warn "possible secret": it holds the word "${k[0]}"`, 'generic_secrets');
    if (/\.(jsx?|html?)$/.test(f.path)) {
      const urls = [...new Set(text.match(HTTP) ?? [])];
      if (urls.length) {
        ctx.warn(f.path, `Zendesk will warn "insecure http request": ${urls.slice(0, 5).join(', ')}${urls.length > 5 ? `, and ${urls.length - 5} more` : ''}`,
          'insecure_http_request');
      }
    }
  }
}

const excerpt = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
