import { describe, expect, it } from 'vitest';
import type { ZafClient } from '../zaf/client';
import { readTagRules } from './tagRules';

const clientWith = (metadata: () => Promise<unknown>) => ({ metadata }) as unknown as ZafClient;

describe('readTagRules', () => {
  it('reads the installation settings ZAF gives with the handshake', async () => {
    const { rules, problems } = await readTagRules(clientWith(async () => ({ settings: { existing_tags_only: true, protected_tags: 'sla_*' } })));
    expect(problems).toEqual([]);
    expect(rules.mode).toBe('existing');
    expect(rules.protectedTags.isProtected('sla_x')).toBe(true);
  });

  it('falls back to the defaults and says so when the settings cannot be read', async () => {
    const { rules, problems } = await readTagRules(clientWith(() => Promise.reject(new Error('gone'))));
    expect(problems).toEqual([{ setting: null, code: 'unreadable' }]);
    expect(rules.mode).toBe('anyone');
  });
});
