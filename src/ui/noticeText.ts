import type { ApiErrorKind, ForbiddenReason } from '../domain/errors';
import type { Notice, ReadOnlyReason } from '../domain/sync/view';
import type { MessageKey, Translator } from '../i18n';

/** "vip" or "vip", "billing": tag names quoted so they read as names inside a sentence. */
export function quoteTags(tags: readonly string[]): string {
  return tags.map((tag) => `"${tag}"`).join(', ');
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
  switch (notice.kind) {
    case 'rolled_back': {
      const tags = quoteTags(notice.tags);
      const what = notice.op === 'add' ? t('tagwise.notice.couldNotAdd', { tags }) : t('tagwise.notice.couldNotRemove', { tags });
      const key = `tagwise.notice.rolledBack.${rolledBackReason(notice.error, notice.forbiddenReason)}` as const satisfies MessageKey;
      return t(key, { what });
    }
    case 'changed': {
      const vars = { tags: quoteTags(notice.change.tags), count: notice.change.tags.length };
      return notice.change.op === 'add' ? t('tagwise.notice.added', vars) : t('tagwise.notice.removed', vars);
    }
    case 'external_change': {
      const parts: string[] = [];
      if (notice.added.length) parts.push(t('tagwise.notice.externalAdded', { tags: quoteTags(notice.added) }));
      if (notice.removed.length) parts.push(t('tagwise.notice.externalRemoved', { tags: quoteTags(notice.removed) }));
      return parts.join(' ');
    }
  }
}

export function readOnlyText(reason: ReadOnlyReason, t: Translator['t']): string {
  return t(`tagwise.readOnly.${reason}`);
}
