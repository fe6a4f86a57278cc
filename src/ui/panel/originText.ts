import type { TagOrigin } from '../../domain/provenance';
import type { Translator } from '../../i18n/translate';

/**
 * Why removing this tag from the ticket alone may not do what the agent expects. Plain, so
 * that the entry's first paint names its markers as the panel does.
 */
export function originText(origin: TagOrigin, t: Translator['t']): string {
  const parts: string[] = [];
  if (origin.fromRequester) parts.push(t('tagwise.tag.fromRequester'));
  if (origin.fromOrganization) parts.push(t('tagwise.tag.fromOrganization'));
  for (const { field, option } of origin.fields) parts.push(t('tagwise.tag.backsField', { field, option }));
  return parts.join(' ');
}
