/** The two calls of the SDK the hello uses. */
export interface HelloClient {
  on(event: string, handler: () => void): void;
  get(path: string): Promise<Record<string, unknown>>;
}
