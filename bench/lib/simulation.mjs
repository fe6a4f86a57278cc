// The account-wide load Tagwise adds, from measured per-ticket request counts.
//
//   requests per minute = agents × tickets per agent-minute × requests per ticket
//                       + agents × popular-tags requests per agent-minute
//
// "requests per ticket" is measured, not assumed: the in-process visit (sidebar opening, one
// add, half a minute later one remove: the two edits) plus the autocomplete requests of
// typing the added tag. Popular tags per agent-hour come from 60 openings in one virtual hour
// through the app's account cache.
export const SCENARIO = Object.freeze({ agents: 1000, limitPerMinute: 700, ticketsPerHour: 60, editsPerTicket: 2 });

/**
 * @param {{ visitRequests: number, typingAutocomplete: number, popularPerHour: number }} measured
 * @param {typeof SCENARIO} scenario
 */
/**
 * What the open product decision would buy, from the same measured parts: the load if the
 * ticket edits rode on the agent's own ticket save (the visit then costs only what opening
 * the sidebar costs), and if, besides, suggestions came only from the account's cached
 * popular tags (no autocomplete request while typing).
 * @param {{ visitRequests: number, typingAutocomplete: number, popularPerHour: number, openRequests: number }} measured
 */
export function alternatives(measured, scenario = SCENARIO) {
  const { openRequests, ...rest } = measured;
  return {
    editsWithTicketSave: simulate({ ...rest, visitRequests: openRequests }, scenario),
    editsWithTicketSaveAndCachedSuggestions: simulate({ ...rest, visitRequests: openRequests, typingAutocomplete: 0 }, scenario),
  };
}

export function simulate(measured, scenario = SCENARIO) {
  const perTicket = measured.visitRequests + measured.typingAutocomplete;
  const ticketsPerMinute = (scenario.agents * scenario.ticketsPerHour) / 60;
  const popularPerMinute = (scenario.agents * measured.popularPerHour) / 60;
  const perMinute = ticketsPerMinute * perTicket + popularPerMinute;
  return {
    perTicket,
    ticketsPerMinute,
    popularPerMinute,
    perMinute,
    share: perMinute / scenario.limitPerMinute,
    /** What one ticket could cost at most for the load to stay within 10 % of the limit. */
    perTicketAllowedAt10: (scenario.limitPerMinute * 0.1 - popularPerMinute) / ticketsPerMinute,
  };
}
