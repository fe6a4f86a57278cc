import { describe, expect, it, vi } from 'vitest';
import type { ZafClient } from '../zaf/client';
import { screenStampOf } from './screenStamp';

function screen(answer: Record<string, unknown>) {
  const get = vi.fn(async () => ({ errors: {}, ...answer }));
  return { client: { get } as unknown as ZafClient, get };
}

describe('screenStampOf', () => {
  it("gives the open ticket's updated_at, and nothing for another ticket", async () => {
    const { client } = screen({ 'ticket.id': 7, 'ticket.updatedAt': '2026-11-22T10:00:05Z' });
    expect(await screenStampOf(client)({ kind: 'ticket', id: 7 })).toBe('2026-11-22T10:00:05Z');
    expect(await screenStampOf(client)({ kind: 'ticket', id: 8 })).toBeUndefined();
  });

  it('asks nothing for users and organizations (they have no stamp)', async () => {
    const { client, get } = screen({});
    expect(await screenStampOf(client)({ kind: 'user', id: 7 })).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });
});
