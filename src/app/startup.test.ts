import { describe, expect, it } from 'vitest';
import type { ZafClient, ZafContext, ZafGetResult } from '../zaf/client';
import { beginStartup } from './startup';

/** A client whose `get` answers only when the test says so, to see what is asked at once. */
function heldClient(context: ZafContext) {
  const asked: { paths: string[]; answer: (result: ZafGetResult) => void }[] = [];
  const client = {
    context: () => Promise.resolve(context),
    get: (paths: string | string[]) =>
      new Promise<ZafGetResult>((answer) => asked.push({ paths: Array.isArray(paths) ? paths : [paths], answer })),
  } as unknown as ZafClient;
  return { client, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('beginStartup', () => {
  it('asks for the language and the open record together, before either answer arrives', async () => {
    const { client, asked } = heldClient({ product: 'support', location: 'ticket_sidebar', account: { subdomain: 'acme' } });
    const startup = beginStartup(client);
    await settle();
    expect(asked.map((a) => a.paths[0])).toEqual(['currentUser.locale', 'ticket.id']);

    for (const a of asked) a.answer(a.paths[0] === 'ticket.id' ? { 'ticket.id': 7, 'ticket.tags': ['vip'] } : { 'currentUser.locale': 'de' });
    await expect(startup.where).resolves.toEqual({ kind: 'sidebar', location: 'ticket_sidebar', account: 'acme' });
    expect((await startup.translator).locale).toBe('de');
    const data = await startup.takeSidebarData('ticket_sidebar');
    expect(data?.primary).toEqual({ ref: { kind: 'ticket', id: 7 }, initial: { tags: ['vip'], provisional: true, closed: false } });
  });

  it('gives the early read once, and only to the location it was read for', async () => {
    const { client, asked } = heldClient({ product: 'support', location: 'user_sidebar' });
    const startup = beginStartup(client);
    await startup.where;
    for (const a of asked) a.answer({ 'user.id': 3, 'user.tags': [] });
    expect(startup.takeSidebarData('ticket_sidebar')).toBeUndefined();
    expect(startup.takeSidebarData('user_sidebar')).toBeDefined();
    expect(startup.takeSidebarData('user_sidebar')).toBeUndefined();
  });

  it('reads no record outside a sidebar, and a failing context reaches whoever waits for it', async () => {
    const elsewhere = heldClient({ product: 'support', location: 'nav_bar' });
    await expect(beginStartup(elsewhere.client).where).resolves.toEqual({ kind: 'elsewhere', location: 'nav_bar' });
    expect(elsewhere.asked.map((a) => a.paths[0])).toEqual(['currentUser.locale']);

    const broken = { context: () => Promise.reject(new Error('host went away')), get: () => new Promise(() => undefined) } as unknown as ZafClient;
    await expect(beginStartup(broken).where).rejects.toThrow('host went away');
  });
});
