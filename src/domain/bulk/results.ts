/**
 * What an admin does with a run's results: read them failed first, retry the failed ones,
 * undo the run, download them. Undo works from the rows alone: it changes back exactly the
 * records the run changed, each by the inverse of what changed on it, and runs no new search
 * (which would also find tickets that carried the target tag before the run).
 */
import { deltaOf, inverseDelta, isEmptyDelta, type TagDelta, type TagOperation } from './operation';
import type { WorkItem } from './ticketRun';
import type { ResultRow, RowStatus } from './types';

const ORDER: Record<RowStatus, number> = { failed: 0, skipped: 1, updated: 2 };

const KIND_ORDER = { ticket: 0, user: 1, organization: 2 } as const;

/** Failed rows first, then skipped, then updated; tickets, users, organizations; by id within each. */
export function orderRows(rows: readonly ResultRow[]): ResultRow[] {
  return [...rows].sort((a, b) => ORDER[a.status] - ORDER[b.status] || KIND_ORDER[a.kind ?? 'ticket'] - KIND_ORDER[b.kind ?? 'ticket'] || a.id - b.id);
}

export function countRows(rows: readonly ResultRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { updated: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** The failed records, to send the run's own change again (Update Many deltas are safe to repeat). */
export function retryItems(rows: readonly ResultRow[], op: TagOperation): WorkItem[] {
  const delta = deltaOf(op);
  return rows.filter((r) => r.status === 'failed').map((r) => ({ id: r.id, delta, ...(r.before ? { before: r.before } : {}) }));
}

/**
 * The inverse of the run, record by record. A row whose change is not known (a run adopted
 * after a reload) gets back only the tags the run removed: re-adding is always safe, while
 * removing the target could take away a tag the record had before.
 */
export function undoItems(rows: readonly ResultRow[], op: TagOperation): WorkItem[] {
  const fallback: TagDelta = { add: deltaOf(op).remove, remove: [] };
  const items: WorkItem[] = [];
  for (const r of rows) {
    if (r.status !== 'updated') continue;
    const delta = r.change ? inverseDelta(r.change) : fallback;
    if (isEmptyDelta(delta)) continue;
    items.push({ id: r.id, delta, before: afterOf(r) });
  }
  return items;
}

/** The record's tags right after the run, as far as they are known from the row. */
function afterOf(r: ResultRow): readonly string[] {
  if (!r.change) return [];
  const base = (r.before ?? r.change.remove).filter((t) => !r.change?.remove.includes(t));
  return [...base, ...r.change.add];
}

/** Newer outcomes (a retry) replace older rows of the same records; the order is kept. */
export function mergeRows(older: readonly ResultRow[], newer: readonly ResultRow[]): ResultRow[] {
  const byId = new Map(newer.map((r) => [r.id, r]));
  const merged = older.map((r) => byId.get(r.id) ?? r);
  const known = new Set(older.map((r) => r.id));
  for (const r of newer) if (!known.has(r.id)) merged.push(r);
  return merged;
}

/** A cell that a spreadsheet would run as a formula is made plain text first. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row; `label` gives each status and message the words shown on screen. */
export function toCsv(rows: readonly ResultRow[], header: readonly [string, string, string], label: (row: ResultRow) => { record: string; status: string; message: string }): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of orderRows(rows)) {
    const { record, status, message } = label(r);
    lines.push([record, status, message].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
