// @ts-check
/**
 * The account's bulk data for the Tag manager: 10,000 tickets (ids from BULK_FIRST_TICKET on)
 * with a tag distribution like a real help desk's (a few very common tags, a long tail, and the
 * sprawl admins complain about: billing / biling / billing_issue / billing-q3), some closed and
 * archived ones, and Guide content tags. Deterministic (fixed-seed PRNG, no clock), and cheap
 * to make: a few milliseconds, so the dev server and every test reset stay fast.
 */

/** @typedef {import('./seed.mjs').SeedTicket} SeedTicket */
/** @typedef {{ id: string, name: string, created_at: string, updated_at: string }} SeedContentTag */

export const BULK_FIRST_TICKET = 10_001;
export const BULK_TICKETS = 10_000;

/** Tickets that stand for special cases the Tag manager must report per record. */
export const BULK_IDS = Object.freeze({
  /** The first bulk ticket that carries `billing`, archived: Update Many cannot change it. */
  archivedBillingTicket: 10_003,
  /** A `billing` ticket whose first bulk update meets a conflict (another update holds its lock). */
  lockedBillingTicket: 10_001,
});

/** Small fixed-seed PRNG (mulberry32). @param {number} seed */
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

// How often each tag appears on a ticket (share of tickets). The duplicates are what a Tag
// manager exists for: `biling` is the typo, `billing_issue` and `billing-q3` the variants.
const WEIGHTED_TAGS = /** @type {const} */ ([
  ['billing', 0.2],
  ['biling', 0.03],
  ['billing_issue', 0.02],
  ['billing-q3', 0.01],
  ['refund', 0.12],
  ['vip', 0.06],
  ['printer', 0.08],
  ['priority', 0.05],
  ['urgent', 0.07],
  ['invoice', 0.09],
  ['login', 0.08],
  ['password_reset', 0.04],
  ['shipping', 0.07],
  ['delivery', 0.05],
  ['returns', 0.04],
  ['warranty', 0.03],
  ['bug', 0.05],
  ['feature_request', 0.04],
  ['follow_up', 0.06],
  ['onboarding', 0.02],
  ['cancellation', 0.02],
  ['mobile', 0.03],
  ['api', 0.02],
  ['chat', 0.04],
  ['email', 0.06],
  ['phone', 0.03],
  ['sla_breach', 0.01],
  ['feedback', 0.02],
]);

const SUBJECTS = [
  'Charged twice this month',
  'Where is my order?',
  'Cannot sign in',
  'Printer shows an error',
  'Question about my invoice',
  'Refund request',
  'App crashes on start',
  'Feature idea',
  'Change of address',
  'Cancel my subscription',
];

/** Status mix of a help desk with a year of history. */
const STATUSES = /** @type {const} */ ([
  ['new', 0.05],
  ['open', 0.25],
  ['pending', 0.1],
  ['hold', 0.03],
  ['solved', 0.27],
  ['closed', 0.3],
]);

/** @param {() => number} random @param {readonly (readonly [string, number])[]} table */
function pick(random, table) {
  let r = random();
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return /** @type {string} */ (table[table.length - 1]?.[0]);
}

const REQUESTERS = [
  { requester_id: 101, organization_id: 201 },
  { requester_id: 102, organization_id: 202 },
  { requester_id: 103, organization_id: null },
  { requester_id: 104, organization_id: null },
];

const BASE_TIME = Date.parse('2026-01-05T08:00:00Z');

/** @param {number} ms */
function iso(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** @type {Map<number, ReturnType<typeof generate>>} */
const made = new Map();

/**
 * A fresh copy every call (callers may mutate it); the generation itself runs once per process.
 * @param {number} [count]
 * @returns {{ tickets: (SeedTicket & { archived?: boolean })[], locks: Record<number, number> }}
 */
export function createBulkTickets(count = BULK_TICKETS) {
  let template = made.get(count);
  if (!template) {
    template = generate(count);
    made.set(count, template);
  }
  return { tickets: template.tickets.map((t) => ({ ...t, tags: [...t.tags] })), locks: { ...template.locks } };
}

/** @param {number} count */
function generate(count) {
  const random = prng(20261201);
  /** @type {(SeedTicket & { archived?: boolean })[]} */
  const tickets = [];
  for (let i = 0; i < count; i += 1) {
    const id = BULK_FIRST_TICKET + i;
    /** @type {string[]} */
    const tags = [];
    for (const [tag, share] of WEIGHTED_TAGS) if (random() < share) tags.push(tag);
    const status = /** @type {import('./seed.mjs').TicketStatus} */ (pick(random, STATUSES));
    const who = /** @type {(typeof REQUESTERS)[number]} */ (REQUESTERS[i % REQUESTERS.length]);
    const created = BASE_TIME + i * 2_700_000; // about 32 a day over the year
    const updated = created + Math.floor(random() * 86_400_000);
    /** @type {SeedTicket & { archived?: boolean }} */
    const ticket = {
      id,
      subject: `${SUBJECTS[i % SUBJECTS.length]} (#${id})`,
      status,
      ...who,
      tags,
      created_at: iso(created),
      updated_at: iso(updated),
    };
    // Closed tickets from the first months are archived: nothing can change them any more.
    if (status === 'closed' && i < count * 0.25 && random() < 0.5) ticket.archived = true;
    tickets.push(ticket);
  }
  // The special cases sit at fixed ids so tests can name them.
  const locked = tickets[BULK_IDS.lockedBillingTicket - BULK_FIRST_TICKET];
  if (locked) {
    locked.status = 'open';
    delete locked.archived;
    if (!locked.tags.includes('billing')) locked.tags.unshift('billing');
  }
  const archived = tickets[BULK_IDS.archivedBillingTicket - BULK_FIRST_TICKET];
  if (archived) {
    archived.status = 'closed';
    archived.archived = true;
    if (!archived.tags.includes('billing')) archived.tags.unshift('billing');
  }
  return { tickets, locks: locked ? { [locked.id]: 1 } : {} };
}

// ULID-shaped ids (Crockford base32, 26 characters), deterministic.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** @param {number} n */
export function contentTagId(n) {
  let out = '';
  let x = n;
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[x % 32] + out;
    x = Math.floor(x / 32);
  }
  return `01GFX${out}`.padEnd(26, 'Q').slice(0, 26);
}

const CONTENT_TAG_NAMES = [
  'feature request', 'billing', 'billing help', 'getting started', 'how to', 'integrations', 'mobile app',
  'need help', 'password', 'printer setup', 'release notes', 'security', 'shipping', 'troubleshooting',
  'account settings', 'api', 'announcements', 'best practices', 'faq', 'returns',
];

/** @returns {SeedContentTag[]} */
export function createContentTags() {
  return CONTENT_TAG_NAMES.map((name, i) => ({
    id: contentTagId(1000 + i),
    name,
    created_at: iso(BASE_TIME + i * 86_400_000),
    updated_at: iso(BASE_TIME + i * 86_400_000),
  }));
}

/**
 * End users and organizations for the Tag manager's user/organization runs (ids from 10001, so
 * the first ones stay as they are): some carry billing or the biling typo.
 * @returns {{ users: import('./seed.mjs').SeedUser[], organizations: import('./seed.mjs').SeedOrganization[] }}
 */
export function createBulkOwners() {
  const organizations = Array.from({ length: 10 }, (_, i) => ({
    id: 10_001 + i,
    name: `Customer ${String.fromCharCode(65 + i)} Ltd`,
    tags: i % 3 === 0 ? ['biling', 'smb'] : i % 3 === 1 ? ['billing'] : ['enterprise'],
    created_at: '2026-02-01T09:00:00Z',
    updated_at: '2026-02-01T09:00:00Z',
  }));
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: 10_001 + i,
    name: `Customer ${i + 1}`,
    email: `customer${i + 1}@example.com`,
    role: /** @type {const} */ ('end-user'),
    organization_id: 10_001 + (i % 10),
    tags: i % 4 === 0 ? ['biling'] : i % 4 === 1 ? ['billing', 'newsletter'] : ['newsletter'],
    created_at: '2026-02-02T09:00:00Z',
    updated_at: '2026-02-02T09:00:00Z',
  }));
  return { users, organizations };
}
