import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_LENGTH, parseDescriptions } from './descriptions';

describe('parseDescriptions', () => {
  it('reads one "tag: description" per line; the first colon ends the tag', () => {
    const { descriptions, problems } = parseDescriptions('VIP: contract customers; set by sales\r\n\n# a comment\nbilling:  Invoices:  refunds too ');
    expect(problems).toEqual([]);
    expect([...descriptions]).toEqual([
      ['vip', 'contract customers; set by sales'],
      ['billing', 'Invoices: refunds too'],
    ]);
  });

  it('says which line is wrong and why, and keeps the good lines', () => {
    const long = 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1);
    const { descriptions, problems } = parseDescriptions(['vip contract customers', 'two tags: no', 'empty:', `long: ${long}`, 'vip: first', 'vip: again'].join('\n'));
    expect(problems).toEqual([
      { setting: 'tag_descriptions', code: 'no_colon', line: 1, entry: 'vip contract customers' },
      { setting: 'tag_descriptions', code: 'not_a_tag', line: 2, entry: 'two tags' },
      { setting: 'tag_descriptions', code: 'no_description', line: 3, entry: 'empty' },
      { setting: 'tag_descriptions', code: 'description_too_long', line: 4, entry: 'long', max: MAX_DESCRIPTION_LENGTH },
      { setting: 'tag_descriptions', code: 'duplicate', line: 6, entry: 'vip' },
    ]);
    expect([...descriptions]).toEqual([['vip', 'first']]);
  });
});
