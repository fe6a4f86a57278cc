/**
 * Users and organizations: Zendesk documents no delta bulk update for their tags, so a run
 * changes them one by one with the Tags API, through the same pacer as the ticket runs. The
 * new tag is added before the old one is removed: a record that fails half-way holds both,
 * never neither. Each record gets its own row.
 */
import { asApiError, isTransient } from '../errors';
import type { RecordKind } from '../record';
import type { TagDelta } from './operation';
import type { Pacer } from './pacer';
import type { Answer, FoundPage, ResultRow } from './types';

export type OwnerKind = Exclude<RecordKind, 'ticket'>;

export interface RecordBulkBackend {
  exportRecordsTagged(kind: OwnerKind, tag: string, after: string | null): Promise<Answer<FoundPage>>;
  /** PUT tags (delta add): the record's tags afterwards. */
  addTags(kind: OwnerKind, id: number, tags: readonly string[]): Promise<Answer<readonly string[]>>;
  /** DELETE tags (delta remove). */
  removeTags(kind: OwnerKind, id: number, tags: readonly string[]): Promise<Answer<null>>;
}

export interface RecordRunOptions {
  readonly backend: RecordBulkBackend;
  readonly pacer: Pacer;
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxAttempts?: number;
  readonly onRow?: (row: ResultRow) => void;
  readonly cancelled?: () => boolean;
}

/** A record to change and the delta to ask for (`before`: its tags when found). */
export interface RecordItem {
  readonly id: number;
  readonly delta: TagDelta;
  readonly before?: readonly string[];
}

function pacedSender(options: RecordRunOptions) {
  const maxAttempts = options.maxAttempts ?? 4;
  return async function paced<T>(send: () => Promise<Answer<T>>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await options.pacer.beforeRequest();
      try {
        const answer = await send();
        options.pacer.observe(answer.rate);
        return answer.value;
      } catch (raw) {
        const err = asApiError(raw);
        if (err.kind === 'rate_limited' && attempt < maxAttempts * 3) {
          options.pacer.rateLimited(err.retryAfterSeconds ?? 10);
          continue;
        }
        if (isTransient(err) && attempt < maxAttempts) {
          await options.sleep(Math.min(30_000, 1000 * 2 ** (attempt - 1)));
          continue;
        }
        throw err;
      }
    }
  };
}

/** Every `kind` record carrying `tag`, from Export Search Results. */
export async function findRecordsTagged(kind: OwnerKind, tag: string, delta: TagDelta, options: RecordRunOptions): Promise<RecordItem[]> {
  const paced = pacedSender(options);
  const found: RecordItem[] = [];
  let after: string | null = null;
  do {
    const page: FoundPage = await paced(() => options.backend.exportRecordsTagged(kind, tag, after));
    found.push(...page.records.map((r) => ({ id: r.id, delta, before: r.tags })));
    after = page.after;
  } while (after && !options.cancelled?.());
  return found;
}

/** Changes each record with the Tags API, adding before removing; one row per record. */
export async function applyRecordItems(kind: OwnerKind, items: readonly RecordItem[], options: RecordRunOptions): Promise<ResultRow[]> {
  const paced = pacedSender(options);
  const rows: ResultRow[] = [];
  const push = (row: ResultRow) => {
    rows.push(row);
    options.onRow?.(row);
  };
  for (const item of items) {
    const before = item.before ?? [];
    const known = item.before ? { before: item.before } : {};
    if (options.cancelled?.()) {
      push({ id: item.id, kind, status: 'skipped', reason: 'cancelled', message: 'Not changed: the run was stopped.', ...known });
      continue;
    }
    if (item.before && item.delta.remove.length && !item.delta.remove.some((t) => before.includes(t))) {
      push({ id: item.id, kind, status: 'skipped', reason: 'no_longer_tagged', message: `No longer tagged ${item.delta.remove.join(', ')}`, ...known });
      continue;
    }
    const adds = item.before ? item.delta.add.filter((t) => !before.includes(t)) : [...item.delta.add];
    let added = false;
    try {
      if (adds.length) {
        await paced(() => options.backend.addTags(kind, item.id, adds));
        added = true;
      }
      if (item.delta.remove.length) await paced(() => options.backend.removeTags(kind, item.id, item.delta.remove));
      const removed = item.before ? item.delta.remove.filter((t) => before.includes(t)) : [...item.delta.remove];
      push({ id: item.id, kind, status: 'updated', reason: 'zendesk', message: 'Updated', ...(item.before ? { change: { add: adds, remove: removed } } : {}), ...known });
    } catch (raw) {
      const err = asApiError(raw);
      const unknown = err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server';
      push({
        id: item.id,
        kind,
        status: 'failed',
        reason: unknown ? 'unknown_outcome' : 'zendesk',
        // Half-way: the new tag is on, the old one is still there.
        message: added ? `${err.message} (the new tag was added; the old one is still there)` : err.message,
        ...known,
      });
    }
  }
  return rows;
}
