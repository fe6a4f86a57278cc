/**
 * A ZafClient whose `request` is answered by the local Zendesk in-process, in the shapes
 * ZAF uses (done: the complete response; fail: a jqXHR-like object). The app's real API
 * layer and sync engine run on top of it, so simulations cover everything below the SDK.
 */
import type { ZafClient, ZafRequestOptions, ZafResponse } from '../../src/zaf/client';

export interface LocalZendesk {
  handle(req: { method: string; path: string; body?: unknown; actor?: string }): Promise<{
    status: number;
    headers: Record<string, string>;
    body: unknown;
    dropped?: boolean;
  }>;
}

export function inProcessZafClient(zendesk: LocalZendesk, actor: string, onRequest?: (o: ZafRequestOptions) => void): ZafClient {
  const unsupported = () => Promise.reject(new Error('not available in-process'));
  return {
    get: unsupported,
    set: unsupported,
    invoke: unsupported,
    context: unsupported,
    metadata: unsupported,
    on: () => undefined,
    off: () => undefined,
    trigger: () => undefined,
    instance: () => ({ trigger: () => undefined }),
    async request(options: ZafRequestOptions): Promise<ZafResponse> {
      onRequest?.(options);
      const answer = await zendesk.handle({
        method: options.type ?? 'GET',
        path: options.url,
        ...(options.data === undefined ? {} : { body: JSON.parse(options.data) as unknown }),
        actor,
      });
      if (answer.dropped) {
        throw { status: 0, statusText: 'timeout', responseText: '' };
      }
      const text = typeof answer.body === 'string' ? answer.body : answer.body == null ? '' : JSON.stringify(answer.body);
      const json = typeof answer.body === 'object' && answer.body !== null ? answer.body : undefined;
      const shaped = { status: answer.status, responseText: text, responseJSON: json, headers: answer.headers };
      if (answer.status >= 200 && answer.status < 300) return shaped;
      throw { ...shaped, statusText: 'error' };
    },
  };
}
