/**
 * Tag descriptions, typed by an admin in one settings field: one `tag: description` per line,
 * e.g. "vip: contract customers; set by sales". The first colon ends the tag, so a
 * description may hold colons itself. Blank lines and lines starting with # are skipped.
 */
import { parseTagInput } from '../normalize';
import type { SettingProblem } from './problems';

/** Long enough for a sentence, short enough to show in a suggestion list. */
export const MAX_DESCRIPTION_LENGTH = 200;

export function parseDescriptions(text: string): { descriptions: ReadonlyMap<string, string>; problems: SettingProblem[] } {
  const descriptions = new Map<string, string>();
  const problems: SettingProblem[] = [];
  text.split(/\r\n|\r|\n/u).forEach((raw, index) => {
    const line = index + 1;
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) return;
    const colon = entry.indexOf(':');
    if (colon === -1) {
      problems.push({ setting: 'tag_descriptions', code: 'no_colon', line, entry });
      return;
    }
    const parsed = parseTagInput(entry.slice(0, colon));
    const description = entry.slice(colon + 1).trim().replace(/\s+/gu, ' ');
    const tag = parsed.tags[0];
    if (parsed.tags.length !== 1 || parsed.rejected.length > 0 || tag === undefined) {
      problems.push({ setting: 'tag_descriptions', code: 'not_a_tag', line, entry: entry.slice(0, colon).trim() });
      return;
    }
    if (description === '') {
      problems.push({ setting: 'tag_descriptions', code: 'no_description', line, entry: tag });
      return;
    }
    if ([...description].length > MAX_DESCRIPTION_LENGTH) {
      problems.push({ setting: 'tag_descriptions', code: 'description_too_long', line, entry: tag, max: MAX_DESCRIPTION_LENGTH });
      return;
    }
    if (descriptions.has(tag)) {
      problems.push({ setting: 'tag_descriptions', code: 'duplicate', line, entry: tag });
      return;
    }
    descriptions.set(tag, description);
  });
  return { descriptions, problems };
}
