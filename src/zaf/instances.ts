// Apart from client.ts so that code which only needs the instance's identity (services, the
// bench's in-process measurements) does not import the SDK, whose module body reads \`window\`.
import type { ZafClient } from './client';

/**
 * This app instance's guid, as Zendesk put it in the frame's URL (`app_guid`, which the SDK
 * reads too). Known before any message is exchanged.
 */
export function instanceGuid(search: string = typeof location === 'undefined' ? '' : location.search): string | undefined {
  return new URLSearchParams(search).get('app_guid') ?? undefined;
}

/** The guids of the app instances open in the agent's workspace (`client.get('instances')`). */
export async function liveInstanceGuids(client: ZafClient): Promise<ReadonlySet<string>> {
  const got = await client.get('instances');
  const instances = got['instances'];
  if (!instances || typeof instances !== 'object') throw new Error('No instances in the answer');
  return new Set(Object.keys(instances));
}
