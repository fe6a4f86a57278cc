import { describe, expect, it } from 'vitest';
import { sameChip, type TagChipProps } from './TagChip';

const handlers = { onRemove: () => undefined, onRetry: () => undefined, onFocus: () => undefined };
const chip = (over: Partial<TagChipProps> = {}): TagChipProps => ({ tag: { name: 'vip', state: 'saved' }, removable: true, tabbable: false, density: 'comfortable', ...handlers, ...over });

describe('a tag chip re-renders only when what it shows changed', () => {
  it('skips a new but equal view of the same tag (every change replays the whole record)', () => {
    expect(sameChip(chip(), chip({ tag: { name: 'vip', state: 'saved' } }))).toBe(true);
    const origin = { fromRequester: true, fromOrganization: false, fields: [{ field: 'Product', option: 'Printer' }] };
    expect(sameChip(chip({ origin }), chip({ origin: { ...origin, fields: [{ field: 'Product', option: 'Printer' }] } }))).toBe(true);
  });

  it('renders again for a new state, origin, focus, density or handler', () => {
    expect(sameChip(chip(), chip({ tag: { name: 'vip', state: 'failed', pending: 'remove' } }))).toBe(false);
    expect(sameChip(chip(), chip({ tag: { name: 'vip', state: 'saved', changedByOthers: true } }))).toBe(false);
    expect(sameChip(chip(), chip({ origin: { fromRequester: false, fromOrganization: true, fields: [] } }))).toBe(false);
    expect(sameChip(chip(), chip({ tabbable: true }))).toBe(false);
    expect(sameChip(chip(), chip({ removable: false }))).toBe(false);
    expect(sameChip(chip(), chip({ density: 'compact' }))).toBe(false);
    expect(sameChip(chip(), chip({ onRemove: () => undefined }))).toBe(false);
  });
});
