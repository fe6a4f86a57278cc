/**
 * Failures of a call to Zendesk, in the terms the app reasons with.
 * The API layer turns ZAF's jqXHR-like failures into these; everything above it
 * decides on `kind` alone.
 */
export type ApiErrorKind =
  | 'conflict' // 409: the ticket changed since our stamp (UpdateConflict or DatabaseConflict)
  | 'rate_limited' // 429: wait retryAfterSeconds
  | 'forbidden' // 403: no permission, or user/org tagging is off (see reason)
  | 'not_found' // 404
  | 'closed' // 422 (or 403/400 naming a closed ticket): closed tickets refuse tag writes
  | 'invalid' // other 4xx: the request itself is wrong
  | 'network' // no answer (status 0)
  | 'timeout' // no answer in time
  | 'server'; // 5xx

export type ForbiddenReason = 'tagging_disabled' | 'no_permission';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly forbiddenReason: ForbiddenReason | undefined;
  /** The server's own error code (`error` in the JSON body), when there was one. */
  readonly code: string | undefined;

  constructor(init: {
    kind: ApiErrorKind;
    status: number;
    message?: string;
    retryAfterSeconds?: number;
    forbiddenReason?: ForbiddenReason;
    code?: string;
  }) {
    super(init.message ?? `Zendesk request failed (${init.kind}, HTTP ${init.status})`);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.forbiddenReason = init.forbiddenReason;
    this.code = init.code;
  }
}

/** Errors worth another try as they are: the server may answer differently next time. */
export function isTransient(err: ApiError): boolean {
  return err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server' || err.kind === 'rate_limited';
}

export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ kind: 'network', status: 0, message: err instanceof Error ? err.message : String(err) });
}
