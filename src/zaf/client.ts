/**
 * The one place where the ZAF SDK is typed. Everything else in the app talks to
 * `ZafClient`, never to the SDK's untyped object.
 */
import ZAFClient from 'zendesk_app_framework_sdk';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface ZafRequestOptions {
  url: string;
  type?: HttpMethod;
  contentType?: string;
  /** A JSON string for JSON bodies. */
  data?: string;
  httpCompleteResponse?: boolean;
  /** ZAF retries 429s silently unless this is false. */
  autoRetry?: boolean;
  timeout?: number;
  cors?: boolean;
}

/** The value of a successful request made with `httpCompleteResponse: true`. */
export interface ZafResponse {
  status: number;
  responseJSON?: unknown;
  responseText?: string;
  headers?: Record<string, string>;
}

/** What a failed request rejects with: shaped like a jqXHR. */
export interface ZafFailure {
  status?: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
  headers?: Record<string, string>;
  getResponseHeader?: (name: string) => string | null;
}

/** `client.get` answers a map of path → value, with failures under `errors`. */
export type ZafGetResult = Record<string, unknown> & { errors?: Record<string, unknown> };

export type ZafLocation = 'ticket_sidebar' | 'user_sidebar' | 'organization_sidebar' | (string & {});

export interface ZafContext {
  product: string;
  location: ZafLocation;
  instanceGuid?: string;
  account?: { subdomain?: string };
  ticketId?: number;
  userId?: number;
  organizationId?: number;
}

export interface ZafMetadata {
  appId?: number;
  installationId?: number;
  name?: string;
  version?: string;
  settings?: Record<string, unknown>;
}

export interface ZafClient {
  get(paths: string | string[]): Promise<ZafGetResult>;
  set(path: string, value: unknown): Promise<ZafGetResult>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (data: unknown) => void): void;
  off(event: string, handler: (data: unknown) => void): void;
  request(options: ZafRequestOptions): Promise<ZafResponse>;
  context(): Promise<ZafContext>;
  metadata(): Promise<ZafMetadata>;
  /** Sends an event; on `instance(guid)`, to that other app instance of this agent's session. */
  trigger(event: string, data?: unknown): void;
  /** The client of another instance of this app (from `get('instances')`), for `trigger`. */
  instance(guid: string): Pick<ZafClient, 'trigger'>;
}

function looksLikeClient(value: unknown): value is ZafClient {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { request?: unknown }).request === 'function' &&
    typeof (value as { get?: unknown }).get === 'function'
  );
}

/**
 * Connects to the hosting Zendesk frame. Returns null outside Zendesk: the SDK's
 * `init()` answers false when the URL has no `origin` and `app_guid`.
 */
export function connectToZendesk(): ZafClient | null {
  const client: unknown = ZAFClient.init();
  return looksLikeClient(client) ? client : null;
}
