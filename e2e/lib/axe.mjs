// axe-core in the app's frame, and a picture of the frame per sidebar state.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import path from 'node:path';
import { activeFrame, artifactsDir } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
export const shotsDir = process.env.SIDEBAR_SHOTS_DIR ?? path.join(artifactsDir, 'sidebars');

/**
 * Runs axe-core inside the app's frame (its source injected with playwright) and returns the
 * serious and critical violations, one line each.
 * @param {import('playwright-core').Page} page
 */
export async function seriousViolations(page) {
  const frame = await activeFrame(page);
  const source = await axeSource;
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(source);
  const violations = await frame.evaluate(async () => {
    // @ts-ignore axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((/** @type {any} */ n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

/** The app frame's picture, for the note. @param {import('playwright-core').Page} page @param {string} name */
export async function shoot(page, name) {
  await mkdir(shotsDir, { recursive: true });
  await page.locator('iframe[title="Tagwise"]').screenshot({ path: path.join(shotsDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** @param {import('playwright-core').Page} page @param {string} state */
export async function expectAccessible(page, state) {
  await shoot(page, state);
  assert.deepEqual(await seriousViolations(page), [], `axe, ${state}`);
}

