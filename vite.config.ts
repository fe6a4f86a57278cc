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
        if (name.endsWith('.html')) rmSync(join(import.meta.dirname, OUT_DIR, name));
      }
    },
  };
}

/** The chunks a sidebar runs once its first paint is on screen (see start()). */
const PANEL_CHUNKS = new Set(['App', 'TicketSidebar', 'UserSidebar', 'OrganizationSidebar']);

/**
 * The entry runs the panel's code only after the first paint, but its files should not wait
 * for that: index.html asks for them at once with prefetch links, which fetch without running
 * anything. `crossorigin` matches the module fetch, so the import takes them from the cache.
 */
function prefetchPanelCode(): Plugin {
  return {
    name: 'tagwise-prefetch-panel-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry) return html;
        const chunkOf = (file: string) => {
          const out = bundle[file];
          return out?.type === 'chunk' ? out : undefined;
        };
        const early = new Set<string>();
        const addStatic = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          for (const dep of chunkOf(file)?.imports ?? []) addStatic(dep, into);
        };
        addStatic(entry.fileName, early);
        const later = new Set<string>();
        for (const file of entry.dynamicImports) if (PANEL_CHUNKS.has(chunkOf(file)?.name ?? '')) addStatic(file, later);
        const links = [...later].filter((file) => !early.has(file)).map((file) => `<link rel="prefetch" crossorigin href="./${file}">`);
        if (links.length === 0) return html;
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

// ZAF serves everything from assets/, and the iframe URLs are assets/index.html (the sidebars,
// the nav bar) and assets/background.html, so the build writes there with relative URLs.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [react(), removeEarlierBuild(), prefetchPanelCode()],
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
