/// <reference types="vitest/config" />
import { readFileSync, readdirSync, rmSync } from 'node:fs';
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
        if (name.endsWith('.html')) rmSync(join(import.meta.dirname, OUT_DIR, name));
      }
    },
  };
}

/** The first paint's stylesheet, inlined into the entry page (see inlineFirstPaintCss). */
const FIRST_PAINT_CSS = join(import.meta.dirname, 'src/ui/firstPaint.css');

/**
 * The first paint's CSS goes into index.html as a <style>, not as a file of its own: a
 * stylesheet holds back the module scripts until it is here, and each request before the
 * first paint competes with the entry's own on the agent's connection and the frame's main
 * thread. The bench measured the entry page's scripts done ~15 ms sooner this way.
 * Nothing else is fetched before the tags show: the panel's chunks are asked for by the
 * import that runs them, once the first paint is on screen (start()). Prefetch links for
 * them in index.html made the tags show later (~40 ms in the frame, measured paired
 * against the hello), and the panel no sooner.
 */
function inlineFirstPaintCss(): Plugin {
  return {
    name: 'tagwise-inline-first-paint-css',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('index.html')) return html;
        return html.replace('</head>', `  <style>${readFileSync(FIRST_PAINT_CSS, 'utf8')}</style>\n  </head>`);
      },
    },
  };
}

// ZAF serves everything from assets/, and the iframe URLs are assets/index.html (the sidebars,
// the nav bar) and assets/background.html, so the build writes there with relative URLs.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [react(), removeEarlierBuild(), inlineFirstPaintCss()],
  resolve: {
    // Small stand-ins for two lodash packages Garden's theming imports (see src/shims).
    alias: {
      'lodash.get': join(import.meta.dirname, 'src/shims/lodashGet.ts'),
      'lodash.memoize': join(import.meta.dirname, 'src/shims/lodashMemoize.ts'),
    },
  },
  build: {
    outDir: `../${OUT_DIR}`,
    assetsDir: 'build',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    // Every browser that runs the agent workspace supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: 'src/index.html', background: 'src/background.html' },
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
