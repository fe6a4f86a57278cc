/// <reference types="vitest/config" />
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const OUT_DIR = 'assets';

/**
 * assets/ also holds the committed logos, so the build cannot empty it; instead it removes
 * what earlier builds wrote, or stale hashed bundles would pile up and be packaged.
 */
function removeEarlierBuild(): Plugin {
  return {
    name: 'tagwise-remove-earlier-build',
    apply: 'build',
    buildStart() {
      rmSync(join(import.meta.dirname, OUT_DIR, 'build'), { recursive: true, force: true });
      for (const name of readdirSync(join(import.meta.dirname, OUT_DIR))) {
        if (name === 'index.html') rmSync(join(import.meta.dirname, OUT_DIR, name));
      }
    },
  };
}

// ZAF serves everything from assets/, and the iframe URL is assets/index.html,
// so the build writes there with relative URLs.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [react(), removeEarlierBuild()],
  build: {
    outDir: `../${OUT_DIR}`,
    assetsDir: 'build',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    // Every browser that runs the agent workspace supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: 'src/index.html',
    },
  },
  test: {
    root: '.',
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./vitest.setup.ts'],
    // Component tests drive a real user-event + Garden tree; on a busy 2-core CI machine
    // they can take seconds, which is load, not a failure.
    testTimeout: 30_000,
    include: ['src/**/*.test.{ts,tsx}', 'dev/**/*.test.{js,mjs,ts}', 'scripts/**/*.test.{js,mjs,ts}', 'test/**/*.test.{ts,tsx,mjs}'],
  },
});
