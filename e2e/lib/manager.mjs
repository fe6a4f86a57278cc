// What the Tag manager's browser tests share: the page, a tag's action dialog, the Results
// table, and the seed's facts about which tickets carry a tag.
import { createSeed } from '../../dev/zendesk/seed.mjs';
import { openWorkspace, UI_TIMEOUT } from './harness.mjs';

/** Opens a tag's action dialog from its row (after searching for it in `searchBox`). */
export async function openAction(ws, action, tag, searchBox = 'Search tags') {
  await ws.app.getByRole('searchbox', { name: searchBox }).fill(tag);
  await ws.app.getByRole('button', { name: `${action} ${tag}`, exact: true }).click();
  const dialog = ws.app.getByRole('dialog');
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  return dialog;
}

/** Waits for the run to finish and returns the Results rows of one kind as [id, status, message]. */
export async function results(ws, timeout = 60_000, kind = 'ticket') {
  await ws.app.getByText(/^Finished: /).waitFor({ timeout });
  const rows = ws.app.getByRole('table', { name: 'Results' }).getByRole('row');
  const texts = await rows.evaluateAll((els) => els.slice(1).map((el) => [...el.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  // Tickets read "#123"; users and organizations "User #123", "Organization #123".
  return texts.filter(([id]) => (kind === 'ticket' ? String(id).startsWith('#') : String(id).startsWith(kind))).map(([id, status, message]) => [Number(String(id).replace(/^\D*#/, '')), status, message]);
}

/** The helpers bound to one file's `workspaceSuite()`. */
export function managerKit(suite) {
  const control = () => suite.local.zendesk.control;
  const seed = createSeed();
  return {
    control,
    seed,
    archived: new Set(seed.tickets.filter((t) => t.archived).map((t) => t.id)),
    taggedAtStart: (tag) => seed.tickets.filter((t) => t.tags.includes(tag)).map((t) => t.id),
    /** Tickets carrying `tag` on the server now. */
    taggedNow: (tag) => Object.values(control().snapshot().tickets).filter((t) => t.tags.includes(tag)).map((t) => t.id),
    /** A slow run needs jobs that take their time; the others run at once. */
    fastJobs: () => control().setJobSpeed(0, 0),
    async openManager() {
      const ws = await openWorkspace(suite.browser, suite.local, '/apps/tag-manager');
      const table = ws.app.getByRole('table', { name: 'Account tags' });
      await table.waitFor({ timeout: UI_TIMEOUT });
      return { ...ws, table };
    },
  };
}
