import type { HttpMethod, ZafRequestOptions } from '../zaf/client';

/**
 * The options of every JSON call to Zendesk's API through ZAF: the body as JSON, the whole
 * response (status and headers, for rate limits and Retry-After) and a timeout. `autoRetry:
 * false` is for callers that wait out a 429 themselves: ZAF would otherwise retry it silently
 * for up to a minute and a half.
 */
export function jsonRequest(method: HttpMethod, url: string, body: unknown, timeout: number, autoRetry?: false): ZafRequestOptions {
  return {
    url,
    type: method,
    contentType: 'application/json',
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    httpCompleteResponse: true,
    ...(autoRetry === false ? { autoRetry: false } : {}),
    timeout,
  };
}
