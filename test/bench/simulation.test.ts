import { describe, expect, it } from 'vitest';
import { alternatives, SCENARIO, simulate } from '../../bench/lib/simulation.mjs';

describe('the account-load simulation', () => {
  const measured = { visitRequests: 3, typingAutocomplete: 1, popularPerHour: 2 };

  it('turns per-ticket and per-agent counts into a share of the account limit', () => {
    const s = simulate(measured, SCENARIO);
    // 1,000 agents × 1 ticket a minute × 4 requests, plus 1,000 × 2 popular reads an hour.
    expect(s.ticketsPerMinute).toBe(1000);
    expect(s.perMinute).toBeCloseTo(4000 + 2000 / 60, 6);
    expect(s.share).toBeCloseTo((4000 + 2000 / 60) / 700, 6);
    expect(s.perTicketAllowedAt10).toBeCloseTo((70 - 2000 / 60) / 1000, 6);
  });

  it('prices the open decision from the same parts: no writes, then no autocomplete either', () => {
    const what = alternatives({ ...measured, openRequests: 0 }, SCENARIO);
    expect(what.editsWithTicketSave.perTicket).toBe(1);
    expect(what.editsWithTicketSave.share).toBeCloseTo((1000 + 2000 / 60) / 700, 6);
    expect(what.editsWithTicketSaveAndCachedSuggestions.perTicket).toBe(0);
    expect(what.editsWithTicketSaveAndCachedSuggestions.share).toBeCloseTo(2000 / 60 / 700, 6);
  });
});
