// Never lose a change (reloads), browser mode: storage allowed. The cases: e2e/lib/syncCases.mjs.
import { workspaceSuite } from './lib/harness.mjs';
import { syncCases } from './lib/syncCases.mjs';

syncCases(workspaceSuite({ storage: 'allowed' }), 'reloads');
