// Credentials in the package. A secret is a value: a setting or a translation *named*
// api_token is not one, a 40-character literal assigned to apiToken is.
const TEXT_PROBE = 8192;
const VALUE_PATTERNS = [
  { label: 'a private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { label: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'a Slack token', re: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { label: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { label: 'a bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/ },
];
// A credential-like name given a literal that looks generated: 12+ characters without
// spaces, holding both letters and digits, not a template placeholder.
const ASSIGNED = /(password|passwd|secret|api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key)["']?\s*[:=]\s*["'`]([^"'`\s]{12,})["'`]/gi;
const looksGenerated = (v) => /[A-Za-z]/.test(v) && /\d/.test(v) && !/\{\{|\$\{|%s/.test(v);
const MAX_PER_FILE = 5;

export function checkSecrets(ctx) {
  for (const f of ctx.files) {
    const buf = ctx.read(f.path);
    if (buf.subarray(0, TEXT_PROBE).includes(0)) continue; // binary
    const text = buf.toString('utf8');
    // Whole-text searches first (bundles are a few very long lines), line numbers after.
    const hits = [];
    for (const p of VALUE_PATTERNS) {
      const re = new RegExp(p.re.source, `${p.re.flags}g`);
      for (const m of text.matchAll(re)) hits.push({ at: m.index, label: p.label });
    }
    for (const m of text.matchAll(ASSIGNED)) {
      if (looksGenerated(m[2])) hits.push({ at: m.index, label: 'a credential assigned to a literal' });
    }
    const lines = new Map();
    for (const h of hits.sort((a, b) => a.at - b.at)) {
      const line = text.slice(0, h.at).split('\n').length;
      if (!lines.has(line)) lines.set(line, h.label);
    }
    for (const [line, label] of [...lines].slice(0, MAX_PER_FILE)) {
      ctx.error(f.path, `line ${line} holds what looks like ${label}: never ship credentials; use a secure parameter`);
    }
  }
}
