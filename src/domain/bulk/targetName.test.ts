import { parseTagRules } from '../rules';
import { checkMergeTarget, checkNewName, protectedTagIn } from './targetName';

const { isProtected } = parseTagRules({ protected_tags: 'vip\nsla_*' }).rules.protectedTags;
const account = new Set(['billing', 'biling', 'vip', 'sla_breach']);
const exists = (tag: string) => account.has(tag);

describe('Tag manager targets and protected tags', () => {
  it('refuses a rename to a protected name or pattern, after normalising what was typed', () => {
    expect(checkNewName(' VIP ', 'biling', exists, isProtected)).toEqual({ problem: { kind: 'protected', tag: 'vip' } });
    expect(checkNewName('SLA_new', 'biling', exists, isProtected)).toEqual({ problem: { kind: 'protected', tag: 'sla_new' } });
    expect(checkNewName('billing_old', 'biling', exists, isProtected)).toEqual({ tag: 'billing_old' });
    // An existing unprotected name is still a merge, not a rename.
    expect(checkNewName('billing', 'biling', exists, isProtected)).toEqual({ problem: { kind: 'exists', tag: 'billing' } });
  });

  it('refuses a merge into a protected tag, even one the account has', () => {
    expect(checkMergeTarget('vip', 'biling', exists, isProtected)).toEqual({ problem: { kind: 'protected', tag: 'vip' } });
    expect(checkMergeTarget('sla_breach', 'biling', exists, isProtected)).toEqual({ problem: { kind: 'protected', tag: 'sla_breach' } });
    expect(checkMergeTarget('billing', 'biling', exists, isProtected)).toEqual({ tag: 'billing' });
  });

  it('names the protected tag an operation would change: its own tag first, then its target', () => {
    expect(protectedTagIn({ kind: 'delete', from: 'sla_breach' }, isProtected)).toBe('sla_breach');
    expect(protectedTagIn({ kind: 'rename', from: 'vip', to: 'sla_x' }, isProtected)).toBe('vip');
    expect(protectedTagIn({ kind: 'merge', from: 'biling', to: 'vip' }, isProtected)).toBe('vip');
    expect(protectedTagIn({ kind: 'rename', from: 'biling', to: 'billing_old' }, isProtected)).toBeNull();
    expect(protectedTagIn({ kind: 'delete', from: 'biling' }, isProtected)).toBeNull();
  });
});
