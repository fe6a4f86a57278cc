// The account-wide load Tagwise adds, from measured per-ticket request counts.
//
//   requests per ticket = the visit's writes (the floor: edits more than the coalescing window
//                         apart are separate writes)
//                       + the visit's other requests (stamps, refreshes)
//                       + autocomplete while typing, with the session's account cache warm
//                       + the account lists (popular tags, ticket fields, settings) per
//                         agent-hour / tickets per agent-hour
//   requests per minute = agents × tickets per agent-minute × requests per ticket
//
// Every part is measured, none assumed: the in-process visit (sidebar opening, one add, half a
// minute later one remove: the two edits), the typing of the added tag in a session that has
// typed it before, and an agent-hour of sidebar openings sharing through ZAF with storage
// refused (bench/measure/requests.ts).
export const SCENARIO = Object.freeze({ agents: 1000, limitPerMinute: 700, ticketsPerHour: 15, editsPerTicket: 2 });
/** The scenario the project measured first: no design that saves in the background fits it. */
export const TODAY = Object.freeze({ ...SCENARIO, ticketsPerHour: 60 });

/** @typedef {{ agents: number, limitPerMinute: number, ticketsPerHour: number, editsPerTicket: number }} Scenario */

/**
 * @param {{ visitRequests: number, visitWrites: number, typingAutocomplete: number, listsPerAgentHour: number }} measured
 * @param {Scenario} scenario
 */
export function simulate(measured, scenario = SCENARIO) {
  const writes = measured.visitWrites;
  const listsPerTicket = measured.listsPerAgentHour / scenario.ticketsPerHour;
  const other = measured.visitRequests - writes + measured.typingAutocomplete + listsPerTicket;
  const perTicket = writes + other;
  const ticketsPerMinute = (scenario.agents * scenario.ticketsPerHour) / 60;
  const perMinute = ticketsPerMinute * perTicket;
  const floorPerMinute = ticketsPerMinute * writes;
  return {
    perTicket,
    writes,
    other,
    listsPerTicket,
    ticketsPerMinute,
    perMinute,
    share: perMinute / scenario.limitPerMinute,
    floorShare: floorPerMinute / scenario.limitPerMinute,
    /** Requests per ticket over the writes alone; the budget is 1.05. */
    ratioToFloor: writes > 0 ? perTicket / writes : Number.POSITIVE_INFINITY,
  };
}

/**
 * What the open product decision would buy, from the same measured parts: the load if the
 * ticket edits rode on the agent's own ticket save (no write of the app's own), and if,
 * besides, suggestions came only from the cached popular tags (no autocomplete at all).
 */
/**
 * @param {{ visitRequests: number, visitWrites: number, typingAutocomplete: number, listsPerAgentHour: number }} measured
 * @param {Scenario} scenario
 */
export function alternatives(measured, scenario = SCENARIO) {
  const withTicketSave = { ...measured, visitRequests: measured.visitRequests - measured.visitWrites, visitWrites: 0 };
  return {
    editsWithTicketSave: simulate(withTicketSave, scenario),
    editsWithTicketSaveAndCachedSuggestions: simulate({ ...withTicketSave, typingAutocomplete: 0 }, scenario),
  };
}
