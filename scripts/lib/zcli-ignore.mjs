// How zcli reads .zcliignore (zendesk/zcli, packages/zcli-apps/src/lib/package.ts):
// every line that is not blank and does not start with '#' (after trimming) is passed,
// untrimmed, as an `ignore` glob to archiver's readdir-glob, next to 'tmp/**'. Those globs
// are minimatch patterns with dot:true, matched against each path relative to the app
// folder. They are NOT gitignore rules: `node_modules` drops only the folder's own entry,
// not the files in it (that needs `node_modules/**`), and `!x` ignores everything but x.
// This module reproduces that matching for the subset of minimatch a .zcliignore needs:
// `*`, `?`, `**` segments, `[...]` classes, `{a,b}` alternatives and a leading `!`.
import fs from 'node:fs';
import path from 'node:path';

export const ZCLI_ALWAYS_IGNORED = ['tmp/**'];

/** The ignore patterns zcli would use for `dir`. */
export function readZcliIgnore(dir) {
  const file = path.join(dir, '.zcliignore');
  const lines = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    : [];
  return [...ZCLI_ALWAYS_IGNORED, ...lines].map(compilePattern);
}

/** True when zcli leaves the file `rel` (forward slashes) out of the zip. */
export function zcliIgnores(compiled, rel) {
  return compiled.some((p) => p.negated !== p.regexes.some((re) => re.test(rel)));
}

/** True when every path under the folder `rel` is ignored, so it need not be listed. */
export function zcliIgnoresFolder(compiled, rel) {
  return compiled.some((p) => !p.negated && p.folderRegexes.some((re) => re.test(rel)));
}

function compilePattern(line) {
  let body = line;
  let negated = false;
  while (body.startsWith('!')) {
    negated = !negated;
    body = body.slice(1);
  }
  const alternatives = expandBraces(body);
  return {
    source: line,
    negated,
    regexes: alternatives.map((alt) => new RegExp(`^${segmentsToRegex(alt.split('/'))}$`)),
    // "a/b/**" drops everything below a/b (what lets the walk skip node_modules/).
    folderRegexes: alternatives
      .filter((alt) => alt.endsWith('/**'))
      .map((alt) => new RegExp(`^${segmentsToRegex(alt.slice(0, -3).split('/'))}$`)),
  };
}

function expandBraces(pattern) {
  const open = pattern.indexOf('{');
  const close = open < 0 ? -1 : pattern.indexOf('}', open);
  if (close < 0) return [pattern];
  const options = pattern.slice(open + 1, close).split(',');
  if (options.length < 2) return [pattern];
  return options.flatMap((o) => expandBraces(pattern.slice(0, open) + o + pattern.slice(close + 1)));
}

function segmentsToRegex(segments) {
  let out = '';
  segments.forEach((seg, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (seg === '**') {
      // zero or more whole segments; a trailing ** also matches the folder itself
      if (first) out += last ? '.*' : '(?:[^/]+/)*';
      else out += last ? '(?:/.*)?' : '(?:/[^/]+)*';
      return;
    }
    if (!first && !(i === 1 && segments[0] === '**')) out += '/';
    out += segmentToRegex(seg);
  });
  return out;
}

function segmentToRegex(seg) {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const inner = seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${inner}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return re;
}
