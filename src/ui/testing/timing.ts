/**
 * TEST SETUP. UI tests drive real timers (debounce, engine scheduling) and run next to
 * browser tests and benchmarks on a two-core machine: give waits room under load.
 */
import { configure } from '@testing-library/react';
import { vi } from 'vitest';

// 5 s was seen running out on a loaded machine (a findByRole('alert') while a browser ran).
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 60_000 });
