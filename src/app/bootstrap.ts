/**
 * Start-up in three steps, for the UI's entry (`beginStartup` in ./startup asks steps 1 and 3
 * and the agent's language together, as soon as the client exists):
 *   1. `const context = await client.context()`; `isSidebarLocation(context.location)`.
 *   2. `const services = createAppServices(client, context.account?.subdomain ?? 'unknown')`
 *      (API, sync engine with localStorage persistence, shared popular-tags cache).
 *   3. `const data = await readSidebarData(client, location)` — one client.get, no HTTP;
 *      `services.engine.open(data.primary.ref, data.primary.initial)` gives the RecordHandle,
 *      and `followLiveUpdates(client, location, handle, { onOwnersChanged })` keeps it in step
 *      (returns cleanup); ticket sidebar: a new requester or organization calls onOwnersChanged once.
 * Requester and organization slots (ticket sidebar) open the same way.
 */
export { createAppServices, type AppServices } from './services';
export { isSidebarLocation, MissingRecordError, readSidebarData, type RecordSlot, type SidebarData, type SidebarLocation } from './sidebarData';
export { followLiveUpdates, OWNER_EVENTS, type LiveUpdateOptions } from './liveUpdates';
