/**
 * The background location: no UI, loaded once for the agent's session. It only keeps the
 * account-wide lists the sidebars share (see accountPeers), so it loads the SDK and that,
 * not the panel's code: it shares the sidebar frames' main thread, and on the session's
 * first ticket both start at once.
 */
import { accountPeersOf } from './app/accountPeers';
import { connectToZendesk } from './zaf/client';

const client = connectToZendesk();
if (client) accountPeersOf(client);
