/**
 * Protected tags: exact names (`vip`) and prefix patterns (`sla_*`). Triggers, SLAs and
 * automations depend on these; Tagwise never adds, removes, renames, merges or deletes them.
 */
import { MAX_TAG_LENGTH, normaliseTag } from '../normalize';
import { splitEntries } from './lists';
import type { SettingName, SettingProblem } from './problems';

export interface ProtectedTags {
  /** The patterns as the admin wrote them, normalised: `vip`, `sla_*`. */
  readonly patterns: readonly string[];
  isProtected(tag: string): boolean;
}

export const NO_PROTECTED_TAGS: ProtectedTags = { patterns: [], isProtected: () => false };

const SETTING: SettingName = 'protected_tags';
const NOT_A_TAG = /[\s]|^[\p{P}\p{S}]+$/u;

export function parseProtectedTags(text: string): { protectedTags: ProtectedTags; problems: SettingProblem[] } {
  const names = new Set<string>();
  const prefixes: string[] = [];
  const patterns: string[] = [];
  const problems: SettingProblem[] = [];
  for (const { text: raw, line } of splitEntries(text)) {
    const entry = normaliseTag(raw);
    const star = entry.indexOf('*');
    if (star !== -1) {
      const prefix = entry.slice(0, -1);
      // Only a trailing star: "sla_*". A lone "*" would protect every tag, which no admin means.
      if (star !== entry.length - 1 || prefix === '' || NOT_A_TAG.test(prefix)) {
        problems.push({ setting: SETTING, code: 'bad_pattern', line, entry: raw });
        continue;
      }
      if (!prefixes.includes(prefix)) {
        prefixes.push(prefix);
        patterns.push(entry);
      }
      continue;
    }
    if (NOT_A_TAG.test(entry) || [...entry].length > MAX_TAG_LENGTH) {
      problems.push({ setting: SETTING, code: 'not_a_tag', line, entry: raw });
      continue;
    }
    if (!names.has(entry)) {
      names.add(entry);
      patterns.push(entry);
    }
  }
  if (patterns.length === 0) return { protectedTags: NO_PROTECTED_TAGS, problems };
  return {
    protectedTags: {
      patterns,
      isProtected: (tag) => names.has(tag) || prefixes.some((prefix) => tag.startsWith(prefix)),
    },
    problems,
  };
}
