// axe-core in each of the app's languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, tagPanel, waitForTag, UI_TIMEOUT } from './lib/harness.mjs';
import { expectAccessible } from './lib/axe.mjs';

const suite = workspaceSuite();

test('axe in every locale: the ticket with many tags (compact), its requester and organization', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.manyTagsTicket}`);
  try {
    for (const locale of ['en', 'de', 'es', 'fr', 'ja', 'pt-br']) {
      // The drawer's locale switch reloads the app in that language.
      await ws.page.locator('#locale').selectOption(locale);
      await ws.app.locator('html').and(ws.app.locator(`[lang="${locale}" i]`)).waitFor({ timeout: UI_TIMEOUT });
      await ws.app.getByRole('grid').first().waitFor({ timeout: UI_TIMEOUT });
      await ws.app.locator('[data-origin]').first().waitFor({ timeout: UI_TIMEOUT });
      await expectAccessible(ws.page, `many-tags-${locale}`);
    }
  } finally {
    await ws.close();
  }
});

