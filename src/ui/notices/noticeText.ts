import type { ApiErrorKind, ForbiddenReason } from '../../domain/errors';
import type { Notice, ReadOnlyReason } from '../../domain/sync/view';
import type { MessageKey, Translator } from '../../i18n';

/** More names than this and a sentence names the first few and counts the rest. */
const NAMED_AT_MOST = 5;
const NAMED_BEFORE_COUNT = 3;

/**
 * "vip" or "vip", "billing": tag names quoted so they read as names inside a sentence. A paste
 * of 10,000 tags says "pasted_0", "pasted_1", "pasted_2" and 9,997 more: a notice naming them
 * all was 150,000 characters to lay out, and nobody reads it.
 */
export function quoteTags(tags: readonly string[], t: Translator['t']): string {
  const quoted = (list: readonly string[]) => list.map((tag) => `"${tag}"`).join(', ');
  if (tags.length <= NAMED_AT_MOST) return quoted(tags);
  return t('tagwise.notice.andMore', { tags: quoted(tags.slice(0, NAMED_BEFORE_COUNT)), count: tags.length - NAMED_BEFORE_COUNT });
}

type RolledBackReason = 'closed' | 'tagging_disabled' | 'no_permission' | 'not_found' | 'invalid' | 'conflict' | 'unavailable';

function rolledBackReason(error: ApiErrorKind, forbiddenReason: ForbiddenReason | undefined): RolledBackReason {
  switch (error) {
    case 'closed':
      return 'closed';
    case 'forbidden':
      return forbiddenReason === 'tagging_disabled' ? 'tagging_disabled' : 'no_permission';
    case 'not_found':
    case 'invalid':
    case 'conflict':
      return error;
    default:
      return 'unavailable';
  }
}

/** What happened and what to do, in the agent's words. */
export function noticeText(notice: Notice, t: Translator['t']): string {
  if (notice.kind === 'external_change') {
    const parts: string[] = [];
    if (notice.added.length) parts.push(t('tagwise.notice.externalAdded', { tags: quoteTags(notice.added, t) }));
    if (notice.removed.length) parts.push(t('tagwise.notice.externalRemoved', { tags: quoteTags(notice.removed, t) }));
    return parts.join(' ');
  }
  const { op } = notice.change;
  const vars = { tags: quoteTags(notice.change.tags, t), count: notice.change.tags.length };
  switch (notice.status) {
    case 'sending':
      return op === 'add' ? t('tagwise.notice.adding', vars) : t('tagwise.notice.removing', vars);
    case 'waiting':
      return op === 'add' ? t('tagwise.notice.addingWaiting', vars) : t('tagwise.notice.removingWaiting', vars);
    case 'done':
      return op === 'add' ? t('tagwise.notice.added', vars) : t('tagwise.notice.removed', vars);
    case 'failed': {
      const what = op === 'add' ? t('tagwise.notice.couldNotAdd', vars) : t('tagwise.notice.couldNotRemove', vars);
      const why = notice.error === 'conflict' ? 'conflict' : notice.error === 'rate_limited' ? 'busy' : 'unavailable';
      return t(`tagwise.notice.notSaved.${why}`, { what });
    }
    case 'refused': {
      const what = op === 'add' ? t('tagwise.notice.couldNotAdd', vars) : t('tagwise.notice.couldNotRemove', vars);
      const key = `tagwise.notice.rolledBack.${rolledBackReason(notice.error ?? 'invalid', notice.forbiddenReason)}` as const satisfies MessageKey;
      return t(key, { what });
    }
  }
}

export function readOnlyText(reason: ReadOnlyReason, t: Translator['t']): string {
  return t(`tagwise.readOnly.${reason}`);
}
