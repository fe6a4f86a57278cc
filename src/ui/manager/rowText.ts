import type { TagOperation } from '../../domain/bulk/operation';
import type { ResultRow } from '../../domain/bulk/types';
import type { Translator } from '../../i18n';

/** Which record a row is about: "#123" for a ticket, "User #123", "Organization #123". */
export function recordText(t: Translator['t'], row: ResultRow): string {
  return row.kind === 'user' ? t('tagwise.manager.results.userId', { id: String(row.id) }) : row.kind === 'organization' ? t('tagwise.manager.results.organizationId', { id: String(row.id) }) : t('tagwise.manager.results.ticketId', { id: String(row.id) });
}

/** A result row's status and message in the admin's language; Zendesk's own words stay as they are. */
export function rowText(t: Translator['t'], row: ResultRow, op: TagOperation | null): { status: string; message: string } {
  const status = t(`tagwise.manager.results.${row.status}`);
  switch (row.reason) {
    case 'zendesk':
      return { status, message: row.message };
    case 'no_longer_tagged':
      return { status, message: t('tagwise.manager.reason.no_longer_tagged', { tag: op?.from ?? '' }) };
    case 'request_refused':
      return { status, message: t('tagwise.manager.reason.request_refused', { message: row.message }) };
    case 'job_failed':
      return { status, message: t('tagwise.manager.reason.job_failed', { message: row.message }) };
    default:
      return { status, message: t(`tagwise.manager.reason.${row.reason}`) };
  }
}

export function runTitle(t: Translator['t'], op: TagOperation | null): string {
  if (!op) return '';
  return op.kind === 'delete' ? t('tagwise.manager.run.delete', { from: op.from }) : t(`tagwise.manager.run.${op.kind}`, { from: op.from, to: op.to });
}
