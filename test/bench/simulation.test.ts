import { describe, expect, it } from 'vitest';
import { alternatives, SCENARIO, simulate, TODAY } from '../../bench/lib/simulation.mjs';

describe('the account-load simulation', () => {
  // A visit of two writes and one stamp read, 0.1 autocomplete a ticket, 3 list reads an agent-hour.
  const measured = { visitRequests: 3, visitWrites: 2, typingAutocomplete: 0.1, listsPerAgentHour: 3 };

  it('prices a ticket as its writes (the floor) plus everything else, per agent-hour lists spread over the tickets', () => {
    const s = simulate(measured, SCENARIO);
    expect(s.ticketsPerMinute).toBe(250);
    expect(s.listsPerTicket).toBeCloseTo(3 / 15, 9);
    expect(s.other).toBeCloseTo(1 + 0.1 + 0.2, 9);
    expect(s.ratioToFloor).toBeCloseTo(3.3 / 2, 9);
    expect(s.perMinute).toBeCloseTo(250 * 3.3, 6);
    expect(s.share).toBeCloseTo((250 * 3.3) / 700, 9);
    expect(s.floorShare).toBeCloseTo(500 / 700, 9);
  });

  it('spreads the same lists over more tickets at 60 tickets an hour', () => {
    const t = simulate(measured, TODAY);
    expect(t.ticketsPerMinute).toBe(1000);
    expect(t.listsPerTicket).toBeCloseTo(3 / 60, 9);
    expect(t.floorShare).toBeCloseTo(2000 / 700, 9);
  });

  it('prices the open decision from the same parts: no writes, then no autocomplete either', () => {
    const what = alternatives(measured, SCENARIO);
    expect(what.editsWithTicketSave.perTicket).toBeCloseTo(1.3, 9);
    expect(what.editsWithTicketSaveAndCachedSuggestions.perTicket).toBeCloseTo(1.2, 9);
  });
});
