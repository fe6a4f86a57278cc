/** The words of a bulk run, shared by the planner, the API layer and the UI. */
import type { RateInfo } from './pacer';
import type { TagDelta } from './operation';

export type RowStatus = 'updated' | 'failed' | 'skipped';

/**
 * Why a row has its status, for the words on screen: `zendesk` rows carry Zendesk's own
 * message; the others are the app's (translated by the UI).
 */
export type RowReason =
  | 'zendesk'
  | 'no_longer_tagged' // the search found it, but its tags no longer hold the tag
  | 'unknown_outcome' // no answer: the change may or may not have been made
  | 'request_refused' // Zendesk refused the call itself (not the record)
  | 'job_failed' // the job failed as a whole
  | 'job_lost' // the job status is gone (kept a day) before it said what happened
  | 'cancelled'; // found, but the run was stopped before it was sent

export interface ResultRow {
  readonly id: number;
  /** Users and organizations say so; a row without a kind is a ticket's. */
  readonly kind?: 'user' | 'organization';
  readonly status: RowStatus;
  readonly reason: RowReason;
  /** Zendesk's message (reason `zendesk`) or technical detail for the others. */
  readonly message: string;
  /**
   * What the run changed on this record (updated rows): Undo applies its inverse. Absent when
   * the record's tags before the run are not known (a run adopted after a reload).
   */
  readonly change?: TagDelta;
  /** The record's tags when the run found it (kept so that a retry can tell its change too). */
  readonly before?: readonly string[];
}

export type JobStatusValue = 'queued' | 'working' | 'completed' | 'failed' | 'killed';

export interface JobRecordResult {
  readonly id: number;
  readonly success: boolean;
  /** Zendesk's words for this record ("Updated", or the error and its details). */
  readonly message: string;
}

export interface JobState {
  readonly id: string;
  readonly status: JobStatusValue;
  readonly progress: number;
  readonly total: number;
  /** Per-record outcomes; null until the job has finished. */
  readonly results: readonly JobRecordResult[] | null;
  readonly message: string | null;
  /** `Bulk Update` for Update Many Tickets. */
  readonly jobType?: string;
}

export interface FoundRecord {
  readonly id: number;
  readonly tags: readonly string[];
}

export interface FoundPage {
  readonly records: readonly FoundRecord[];
  /** Cursor of the next page; null on the last one. */
  readonly after: string | null;
}

/** Every answer comes with what its headers said about the rate limit. */
export interface Answer<T> {
  readonly value: T;
  readonly rate?: RateInfo;
}

/** What the planner needs from Zendesk for tickets (src/zendesk implements it). */
export interface TicketBulkBackend {
  /** One page of Export Search Results for tickets carrying `tag`. */
  exportTicketsTagged(tag: string, after: string | null): Promise<Answer<FoundPage>>;
  /** Update Many Tickets (at most 100 ids) with the delta as additional_tags/remove_tags. */
  updateMany(ids: readonly number[], delta: TagDelta): Promise<Answer<JobState>>;
  /** Job statuses by id (show_many, at most 100). Unknown ids are left out. */
  jobStatuses(ids: readonly string[]): Promise<Answer<JobState[]>>;
}

/** What an audit says one change did to a ticket's tags. */
export interface TagChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}
