import { describe, expect, it } from 'vitest';
import { newerStamp } from './stamps';

describe('newerStamp', () => {
  it('takes a later updated_at and refuses the same or an older one', () => {
    expect(newerStamp('2026-11-22T10:00:05Z', '2026-11-22T10:00:04Z')).toBe(true);
    expect(newerStamp('2026-11-22T10:00:04Z', '2026-11-22T10:00:04Z')).toBe(false);
    expect(newerStamp('2026-11-22T10:00:03Z', '2026-11-22T10:00:04Z')).toBe(false);
  });

  it('treats stamps that are not dates as opaque: any other value is news', () => {
    expect(newerStamp('v3', 'v2')).toBe(true);
    expect(newerStamp('v2', 'v2')).toBe(false);
    expect(newerStamp('2026-11-22T10:00:05Z', undefined)).toBe(true);
  });

  it('takes nothing when the screen shows no stamp', () => {
    expect(newerStamp(undefined, 'v2')).toBe(false);
    expect(newerStamp('', 'v2')).toBe(false);
  });
});
