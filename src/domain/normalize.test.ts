import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TAG_LENGTH, normaliseTag, parseTagInput } from './normalize';

describe('parseTagInput', () => {
  it('splits on commas and whitespace, lower-cases and trims', () => {
    expect(parseTagInput('billing, VIP  refund').tags).toEqual(['billing', 'vip', 'refund']);
    expect(parseTagInput('  a\tb\nc,,d ').tags).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops duplicates after normalising, keeping the first position', () => {
    expect(parseTagInput('VIP vip Vip billing vip').tags).toEqual(['vip', 'billing']);
  });

  it('rejects punctuation-only and over-long pieces with a reason', () => {
    const long = 'x'.repeat(MAX_TAG_LENGTH + 1);
    const parsed = parseTagInput(`ok !!! ${long}`);
    expect(parsed.tags).toEqual(['ok']);
    expect(parsed.rejected).toEqual([
      { input: '!!!', reason: 'no_tag_characters' },
      { input: long, reason: 'too_long' },
    ]);
    expect(parseTagInput('x'.repeat(MAX_TAG_LENGTH)).tags).toHaveLength(1);
  });

  it('gives nothing and rejects nothing for empty input', () => {
    expect(parseTagInput('  , ,')).toEqual({ tags: [], rejected: [] });
  });

  it('keeps letters of other scripts', () => {
    expect(parseTagInput('Über 日本語 ÇA').tags).toEqual(['über', '日本語', 'ça']);
  });
});

describe('parseTagInput properties', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom(' ', ',', '\t', 'A', 'b', 'Ü', '-', '_', '!', '.', '9', 'İ'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) });

  it('never yields an empty tag, whitespace, a comma or an upper-case letter', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const tag of parseTagInput(input).tags) {
          expect(tag.length).toBeGreaterThan(0);
          expect(tag).not.toMatch(/[\s,]/u);
          expect(tag).toBe(tag.toLocaleLowerCase('en-US'));
        }
      }),
    );
  });

  it('is idempotent: normalising the output again changes nothing', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = parseTagInput(input).tags;
        expect(parseTagInput(once.join(' ')).tags).toEqual(once);
      }),
    );
  });

  it('never yields duplicates or tags over the limit', () => {
    fc.assert(
      fc.property(fc.array(text), (pieces) => {
        const tags = parseTagInput(pieces.join(',')).tags;
        expect(new Set(tags).size).toBe(tags.length);
        expect(tags.every((t) => [...t].length <= MAX_TAG_LENGTH)).toBe(true);
      }),
    );
  });
});

describe('normaliseTag', () => {
  it("lower-cases every character as English does, whatever the agent's locale", () => {
    const differ: string[] = [];
    // Every character with a case mapping is below U+1F000 (the last are Adlam's, at U+1E900).
    for (let code = 0; code < 0x1f000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const piece = `A${String.fromCodePoint(code)}`;
      if (normaliseTag(piece) !== piece.trim().toLocaleLowerCase('en-US')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    // Turkish rules would give a dotless ı; Greek final sigma depends on its place in the word.
    expect(normaliseTag('TITLE')).toBe('title');
    expect(normaliseTag('ΟΔΟΣ')).toBe('\u03bf\u03b4\u03bf\u03c2');
  });
});
