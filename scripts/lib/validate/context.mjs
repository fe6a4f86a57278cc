// What every check gets: the package's files, a way to read them, and the problem list.
import fs from 'node:fs';

/**
 * @typedef {{
 *   file: string, message: string, severity: 'error'|'warning',
 *   zendesk: string[], stricter: boolean,
 * }} Problem
 *   `zendesk`: the error (or warning) keys zendesk_apps_support reports for the same problem,
 *   empty when Zendesk accepts it; `stricter`: an error Zendesk does not make, on purpose.
 */

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';
export const show = (v) => (v === undefined ? 'missing' : JSON.stringify(v));

/**
 * @param {import('../package-files.mjs').Entry[]} entries
 * @param {{requireListingTexts: boolean}} options
 */
export function createContext(entries, options) {
  /** @type {Problem[]} */
  const problems = [];
  // Zendesk reads regular files, never hidden ones; symlinks are refused on their own.
  const files = entries.filter((e) => e.kind === 'file' && !e.hidden);
  const byPath = new Map(files.map((e) => [e.path, e]));
  const cache = new Map();
  const read = (rel) => {
    if (!cache.has(rel)) cache.set(rel, fs.readFileSync(byPath.get(rel).abs));
    return cache.get(rel);
  };
  const keys = (k) => (k === undefined ? [] : Array.isArray(k) ? k : [k]);
  return {
    options,
    problems,
    entries,
    files,
    has: (rel) => byPath.has(rel),
    read,
    text: (rel) => read(rel).toString('utf8'),
    error: (file, message, zendesk) => problems.push({ file, message, severity: 'error', zendesk: keys(zendesk), stricter: false }),
    stricter: (file, message, why) => problems.push({
      file, message: `${message} (stricter than Zendesk on purpose: ${why})`, severity: 'error', zendesk: [], stricter: true,
    }),
    warn: (file, message, zendesk) => problems.push({ file, message, severity: 'warning', zendesk: keys(zendesk), stricter: false }),
  };
}
