/** What the Tag manager page needs, made once per app instance from the ZAF client. */
import type { ZafClient } from '../zaf/client';
import { asString } from '../zaf/values';
import { createBulkApi, type BulkApi } from '../zendesk/bulkApi';

export interface ManagerServices {
  readonly api: BulkApi;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Whether the signed-in user may change tags across the account (admins only). */
  readonly isAdmin: () => Promise<boolean>;
}

export function createManagerServices(client: ZafClient): ManagerServices {
  return {
    api: createBulkApi(client),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    async isAdmin() {
      const answer = await client.get('currentUser.role');
      return asString(answer['currentUser.role']) === 'admin';
    },
  };
}
