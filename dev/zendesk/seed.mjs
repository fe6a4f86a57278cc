// @ts-check
/**
 * Deterministic seed data for the local Zendesk API (no Math.random, no clock).
 * `createSeed()` returns a fresh object every call, so callers may mutate it.
 *
 * Ids used by tests and e2e live in SEED_IDS; SEED_STAMPS has each ticket's initial
 * updated_at so tests can send a correct (or stale) `updated_stamp` without a read.
 */

/**
 * @typedef {'new'|'open'|'pending'|'hold'|'solved'|'closed'} TicketStatus
 * @typedef {{ id: number, subject: string, status: TicketStatus, requester_id: number, organization_id: number | null, tags: string[], created_at: string, updated_at: string }} SeedTicket
 * @typedef {{ id: number, name: string, email: string, role: 'end-user'|'agent'|'admin', organization_id: number | null, tags: string[], created_at: string, updated_at: string }} SeedUser
 * @typedef {{ id: number, name: string, tags: string[], created_at: string, updated_at: string }} SeedOrganization
 * @typedef {{ name: string, count: number }} PopularTag
 * @typedef {{ id: number, name: string, value: string, default: boolean }} FieldOption
 * @typedef {{ id: number, type: 'tagger'|'checkbox'|'text', title: string, active: boolean, tag?: string | null, custom_field_options?: FieldOption[] }} SeedTicketField
 * @typedef {{ tickets: (SeedTicket & { archived?: boolean })[], users: SeedUser[], organizations: SeedOrganization[], popularTags: PopularTag[], ticketFields: SeedTicketField[], tagsRefreshedAt: string, locks?: Record<number, number>, contentTags?: import('./bulkSeed.mjs').SeedContentTag[] }} SeedData
 *   locks: ticket id -> how many bulk updates of it meet a conflict before one goes through
 */
import { createBulkOwners, createBulkTickets, createContentTags } from './bulkSeed.mjs';

export const SEED_IDS = Object.freeze({
  /** Open ticket, requester Ada (VIP org Acme): tags include inherited user/org tags. */
  openTicket: 1,
  /** Pending ticket whose requester has no organization. */
  noOrgTicket: 2,
  /** Closed ticket: tag writes answer 422. */
  closedTicket: 3,
  /** Open ticket with many tags: inherited (user + org), a Product drop-down option tag
   *  (product_printer) and the Escalated checkbox tag (escalated). */
  manyTagsTicket: 4,
  /** New ticket without any tag (requester has no tags and no organization). */
  emptyTicket: 5,

  /** End user in Acme, tags vip_contact + newsletter. */
  endUser: 101,
  /** End user in Globex, tag reseller. */
  otherEndUser: 102,
  /** End user without organization, tag trial_user. */
  noOrgEndUser: 103,
  /** End user without organization and without tags. */
  untaggedEndUser: 104,
  /** Agent (role 'agent'), tags tier2 + billing_team. */
  agent: 105,

  /** Acme Corp: enterprise + vip. */
  organization: 201,
  /** Globex: smb + emea. */
  otherOrganization: 202,
  /** Initech: partner, no users. */
  emptyOrganization: 203,

  /** Ticket field ids. */
  productField: 360001,
  escalatedField: 360002,
  orderNumberField: 360003,
});

/** Initial `updated_at` of each seeded ticket (by id). */
export const SEED_STAMPS = Object.freeze({
  1: '2026-11-20T09:15:00Z',
  2: '2026-11-20T11:02:41Z',
  3: '2026-11-12T16:45:09Z',
  4: '2026-11-21T08:30:27Z',
  5: '2026-11-21T14:00:00Z',
});

// Words agents really use; the first ones are the most popular.
const BASE_WORDS = [
  'billing', 'refund', 'vip', 'printer', 'priority', 'urgent', 'invoice', 'login', 'password_reset',
  'shipping', 'delivery', 'returns', 'warranty', 'hardware', 'software', 'bug', 'feature_request',
  'escalated', 'follow_up', 'onboarding', 'cancellation', 'upgrade', 'downgrade', 'subscription',
  'payment', 'chargeback', 'account', 'security', 'spam', 'feedback', 'complaint', 'praise',
  'integration', 'api', 'mobile', 'ios', 'android', 'web', 'email', 'chat', 'phone', 'sla_breach',
  'enterprise', 'smb', 'trial_user', 'partner', 'reseller', 'emea', 'apac', 'amer', 'english',
  'german', 'french', 'spanish', 'newsletter', 'toner', 'scanner', 'network', 'outage',
  'maintenance', 'training', 'documentation', 'how_to', 'question', 'incident', 'problem', 'task',
  'vip_contact', 'priority_high', 'priority_low', 'product_printer', 'product_scanner',
  'product_software', 'product_billing_portal', 'tier1', 'tier2', 'billing_team', 'onsite',
  'remote', 'data_export', 'gdpr', 'privacy', 'duplicate', 'voicemail', 'social', 'twitter',
  'facebook', 'survey', 'csat_bad', 'csat_good', 'renewal', 'discount', 'coupon', 'pricing',
  'sales', 'demo', 'migration', 'sso', 'two_factor', 'locked_out', 'performance', 'crash',
];

const TOPICS = ['billing', 'refund', 'printer', 'shipping', 'login', 'invoice', 'returns', 'warranty', 'payment', 'account', 'api', 'mobile'];
const QUALIFIERS = ['eu', 'us', 'apac', 'q1', 'q2', 'q3', 'q4', 'high', 'low', 'followup', 'pending', 'resolved', 'vip', 'new', 'legacy', 'beta', 'manual'];

/** Small fixed-seed PRNG (mulberry32) so the counts look organic but never change. @param {number} seed */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About `target` popular tags with counts, most used first (ties by name).
 * @param {number} [target]
 * @returns {PopularTag[]}
 */
export function createPopularTags(target = 300) {
  const random = prng(20261122);
  /** @type {string[]} */
  const names = [];
  const seen = new Set();
  const push = (/** @type {string} */ n) => {
    if (!seen.has(n) && names.length < target) {
      seen.add(n);
      names.push(n);
    }
  };
  BASE_WORDS.forEach(push);
  for (const q of QUALIFIERS) for (const t of TOPICS) push(`${t}_${q}`);
  // Should the lists above ever be too short for the target, number the rest.
  for (let i = 1; names.length < target; i += 1) push(`campaign_${String(i).padStart(3, '0')}`);
  const tags = names.map((name, rank) => ({
    name,
    // Zipf-like decay with a little deterministic noise; always >= 1.
    count: Math.max(1, Math.round((4000 / Math.pow(rank + 1, 0.85)) * (0.85 + 0.3 * random()))),
  }));
  tags.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return tags;
}

/**
 * @param {{ bulk?: boolean }} [options] bulk (default true): add the 10,000 tickets and the Guide
 *   content tags of bulkSeed.mjs after the records above (ids from 10001; the first ones stay as they are)
 * @returns {SeedData}
 */
export function createSeed({ bulk = true } = {}) {
  const organizations = [
    { id: 201, name: 'Acme Corp', tags: ['enterprise', 'vip'], created_at: '2025-03-02T10:00:00Z', updated_at: '2026-10-01T08:00:00Z' },
    { id: 202, name: 'Globex', tags: ['smb', 'emea'], created_at: '2025-06-14T12:30:00Z', updated_at: '2026-09-18T15:20:00Z' },
    { id: 203, name: 'Initech', tags: ['partner'], created_at: '2025-08-30T09:10:00Z', updated_at: '2026-08-30T09:10:00Z' },
  ];
  /** @type {SeedUser[]} */
  const users = [
    { id: 101, name: 'Ada Lovelace', email: 'ada@acme.example', role: 'end-user', organization_id: 201, tags: ['vip_contact', 'newsletter'], created_at: '2025-03-03T09:00:00Z', updated_at: '2026-10-05T07:45:00Z' },
    { id: 102, name: 'Bruno Díaz', email: 'bruno@globex.example', role: 'end-user', organization_id: 202, tags: ['reseller'], created_at: '2025-06-15T10:00:00Z', updated_at: '2026-09-20T13:00:00Z' },
    { id: 103, name: 'Chloé Martin', email: 'chloe@mail.example', role: 'end-user', organization_id: null, tags: ['trial_user'], created_at: '2026-11-01T18:22:00Z', updated_at: '2026-11-01T18:22:00Z' },
    { id: 104, name: 'Dmitri Ivanov', email: 'dmitri@mail.example', role: 'end-user', organization_id: null, tags: [], created_at: '2026-11-21T13:58:00Z', updated_at: '2026-11-21T13:58:00Z' },
    { id: 105, name: 'Sam Agent', email: 'sam@tagwise-dev.example', role: 'agent', organization_id: null, tags: ['tier2', 'billing_team'], created_at: '2024-01-10T08:00:00Z', updated_at: '2026-07-01T08:00:00Z' },
  ];
  /** @type {SeedTicket[]} */
  const tickets = [
    {
      id: 1, subject: 'Refund for a double charge on my card', status: 'open', requester_id: 101, organization_id: 201,
      // own tags, then the requester's and the organization's (copied when the ticket was made)
      tags: ['billing', 'refund', 'vip_contact', 'newsletter', 'enterprise', 'vip'],
      created_at: '2026-11-20T09:00:00Z', updated_at: SEED_STAMPS[1],
    },
    {
      id: 2, subject: 'Cannot log in after password reset', status: 'pending', requester_id: 103, organization_id: null,
      tags: ['login', 'password_reset', 'trial_user'],
      created_at: '2026-11-20T10:40:00Z', updated_at: SEED_STAMPS[2],
    },
    {
      id: 3, subject: 'Copy of the October invoice', status: 'closed', requester_id: 102, organization_id: 202,
      tags: ['invoice', 'billing', 'reseller', 'smb', 'emea'],
      created_at: '2026-11-03T08:12:00Z', updated_at: SEED_STAMPS[3],
    },
    {
      id: 4, subject: 'Office printer offline, toner order stuck', status: 'open', requester_id: 101, organization_id: 201,
      tags: [
        'printer', 'hardware', 'toner', 'network', 'priority_high', 'product_printer', 'escalated', 'onsite', 'follow_up',
        'vip_contact', 'newsletter', 'enterprise', 'vip',
      ],
      created_at: '2026-11-21T07:55:00Z', updated_at: SEED_STAMPS[4],
    },
    {
      id: 5, subject: 'Question about pricing', status: 'new', requester_id: 104, organization_id: null,
      tags: [],
      created_at: '2026-11-21T14:00:00Z', updated_at: SEED_STAMPS[5],
    },
  ];
  /** @type {SeedTicketField[]} */
  const ticketFields = [
    {
      id: 360001, type: 'tagger', title: 'Product', active: true,
      custom_field_options: [
        { id: 9001, name: 'Printer', value: 'product_printer', default: false },
        { id: 9002, name: 'Scanner', value: 'product_scanner', default: false },
        { id: 9003, name: 'Software', value: 'product_software', default: false },
        { id: 9004, name: 'Billing portal', value: 'product_billing_portal', default: false },
      ],
    },
    { id: 360002, type: 'checkbox', title: 'Escalated', active: true, tag: 'escalated' },
    { id: 360003, type: 'text', title: 'Order number', active: true },
  ];
  const extra = bulk ? createBulkTickets() : { tickets: [], locks: {} };
  const owners = bulk ? createBulkOwners() : { users: [], organizations: [] };
  return {
    tickets: [...tickets, ...extra.tickets],
    locks: extra.locks,
    contentTags: bulk ? createContentTags() : [],
    users: [...users, ...owners.users],
    organizations: [...organizations, ...owners.organizations],
    popularTags: createPopularTags(300),
    ticketFields,
    tagsRefreshedAt: '2026-11-22T00:00:00Z',
  };
}
