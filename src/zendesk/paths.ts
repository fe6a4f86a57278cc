import type { RecordKind, RecordRef } from '../domain/record';

const COLLECTION: Record<RecordKind, string> = {
  ticket: 'tickets',
  user: 'users',
  organization: 'organizations',
};

/** Every Zendesk URL the app uses. Nothing outside src/zendesk/ builds one. */
export const paths = {
  tags: (ref: RecordRef) => `/api/v2/${COLLECTION[ref.kind]}/${ref.id}/tags.json`,
  record: (ref: RecordRef) => `/api/v2/${COLLECTION[ref.kind]}/${ref.id}.json`,
  autocomplete: (prefix: string) => `/api/v2/autocomplete/tags.json?name=${encodeURIComponent(prefix)}`,
  popularTags: (pageSize: number) => `/api/v2/tags.json?page%5Bsize%5D=${pageSize}`,
  ticketFields: () => '/api/v2/ticket_fields.json',
  accountSettings: () => '/api/v2/account/settings.json',
};
