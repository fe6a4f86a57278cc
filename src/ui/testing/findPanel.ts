/**
 * TEST HELPER. The panel's region for a record, once the panel has replaced the plain tags
 * shown while its code loads (which carry the same region name; see FirstPaint).
 */
import { screen, waitFor } from '@testing-library/react';

export function findPanel(name: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const panels = screen.getAllByRole('region', { name }).filter((region) => !region.closest('[data-tagwise-first-paint]'));
    if (panels.length !== 1) throw new Error(`expected one panel named ${String(name)}, found ${panels.length}`);
    return panels[0]!;
  });
}
