/** The admin's allow list: tags agents may add even when only existing tags are allowed. */
import { parseTagInput } from '../normalize';
import { splitEntries } from './lists';
import type { SettingProblem } from './problems';

export function parseAllowedTags(text: string): { allowed: ReadonlySet<string>; problems: SettingProblem[] } {
  const allowed = new Set<string>();
  const problems: SettingProblem[] = [];
  for (const { text: entry, line } of splitEntries(text)) {
    // A space inside an entry splits it, as Zendesk splits "nice person" into two tags.
    const parsed = parseTagInput(entry);
    for (const tag of parsed.tags) allowed.add(tag);
    for (const rejected of parsed.rejected) problems.push({ setting: 'allowed_tags', code: 'not_a_tag', line, entry: rejected.input });
  }
  return { allowed, problems };
}
