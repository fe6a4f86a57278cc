/**
 * Turns what ZAF rejects a request with (a jqXHR-like object) into an ApiError.
 * Zendesk's bodies are not uniform (JSON, plain text, nothing), so every field is optional.
 */
import { ApiError, type ForbiddenReason } from '../domain/errors';
import type { ZafFailure } from '../zaf/client';

function header(failure: ZafFailure, name: string): string | undefined {
  const viaFn = failure.getResponseHeader?.(name);
  if (typeof viaFn === 'string') return viaFn;
  const headers = failure.headers ?? {};
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

const RATE_HEADERS = ['x-rate-limit', 'x-rate-limit-remaining', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];

/** A failure's headers as a plain map, whether ZAF passed them as an object or a getter. */
export function failureHeaders(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const failure = raw as ZafFailure;
  if (failure.headers && typeof failure.headers === 'object') return failure.headers;
  if (typeof failure.getResponseHeader !== 'function') return undefined;
  const out: Record<string, string> = {};
  for (const name of RATE_HEADERS) {
    const value = failure.getResponseHeader(name);
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

function bodyText(failure: ZafFailure): string {
  const json = failure.responseJSON;
  if (json && typeof json === 'object') {
    const { error, description, details } = json as { error?: unknown; description?: unknown; details?: unknown };
    return [error, description, details ? JSON.stringify(details) : '']
      .map((part) => (typeof part === 'string' ? part : part ? JSON.stringify(part) : ''))
      .join(' ');
  }
  return failure.responseText ?? '';
}

function errorCode(failure: ZafFailure): string | undefined {
  const json = failure.responseJSON;
  if (json && typeof json === 'object') {
    const error = (json as { error?: unknown }).error;
    if (typeof error === 'string') return error;
  }
  return undefined;
}

/** Retry-After is seconds (or, rarely, an HTTP date). Unknown → a cautious default. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number {
  if (value !== undefined) {
    const seconds = Number(value.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return 10;
}

const CLOSED = /closed/i;
// Zendesk's wording for "Tags on users and organizations" being off is not documented;
// match the setting's name or "tags ... disabled/not enabled" in the body.
const TAGGING_OFF = /tags on users and organizations|\btag(s|ging)?\b[^.]{0,60}\b(disabled|not enabled|turned off)\b/i;

function forbiddenReason(text: string, code: string | undefined): ForbiddenReason {
  return code === 'TagsDisabled' || TAGGING_OFF.test(text) ? 'tagging_disabled' : 'no_permission';
}

export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  const failure: ZafFailure = raw && typeof raw === 'object' ? (raw as ZafFailure) : {};
  const status = typeof failure.status === 'number' ? failure.status : 0;
  const text = bodyText(failure);
  const code = errorCode(failure);
  const base = { status, ...(code ? { code } : {}), message: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };

  if (status === 0) {
    const timedOut = failure.statusText === 'timeout';
    return new ApiError({ ...base, kind: timedOut ? 'timeout' : 'network' });
  }
  if (status === 409) return new ApiError({ ...base, kind: 'conflict' });
  if (status === 429) {
    return new ApiError({ ...base, kind: 'rate_limited', retryAfterSeconds: parseRetryAfter(header(failure, 'Retry-After')) });
  }
  if ((status === 422 || status === 400 || status === 403) && CLOSED.test(text)) {
    return new ApiError({ ...base, kind: 'closed' });
  }
  if (status === 401 || status === 403) {
    return new ApiError({ ...base, kind: 'forbidden', forbiddenReason: forbiddenReason(text, code) });
  }
  if (status === 404) return new ApiError({ ...base, kind: 'not_found' });
  if (status >= 500) return new ApiError({ ...base, kind: 'server' });
  return new ApiError({ ...base, kind: 'invalid' });
}
