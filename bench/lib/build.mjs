// Builds what the bench runs, with vite's JavaScript API, into bench/.out (gitignored):
//   bench/.out/measure/*.mjs  the in-process measurements (TypeScript sources of the app,
//                             bundled for Node; packages stay external)
//   bench/.out/hello/         the "hello" baseline sidebar (same toolchain as the app)
// and the app itself (npm run build) when assets/index.html is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(BENCH);
export const OUT = path.join(BENCH, '.out');

async function vite() {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  return { build, react };
}

/** @returns {Promise<{ requests: string, filter: string, dom: string, bulk: string }>} paths of the built modules */
export async function buildMeasures() {
  const { build, react } = await vite();
  const outDir = path.join(OUT, 'measure');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [react()],
    // Bundle the packages too (CommonJS interop of styled-components and the SDK then works
    // as in the app's build); jsdom stays a Node package.
    ssr: { noExternal: true, external: ['jsdom'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: {
          requests: path.join(BENCH, 'measure/requests.ts'),
          filter: path.join(BENCH, 'measure/filter.ts'),
          dom: path.join(BENCH, 'measure/domEntry.ts'),
          bulk: path.join(BENCH, 'measure/bulkRename.ts'),
        },
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  return {
    requests: path.join(outDir, 'requests.mjs'),
    filter: path.join(outDir, 'filter.mjs'),
    dom: path.join(outDir, 'dom.mjs'),
    bulk: path.join(outDir, 'bulk.mjs'),
  };
}

/** Builds bench/hello into bench/.out/hello with the app's toolchain; returns the folder. */
export async function buildHello() {
  const { build, react } = await vite();
  const outDir = path.join(OUT, 'hello');
  await build({
    configFile: false,
    root: path.join(BENCH, 'hello'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, assetsDir: 'build', target: 'es2020', sourcemap: false },
  });
  return outDir;
}

/** Runs `npm run build` when the app has not been built; throws when that fails. */
export function ensureAppBuilt() {
  if (existsSync(path.join(ROOT, 'assets/index.html'))) return { built: false };
  const res = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`npm run build failed (exit ${res.status}):\n${(res.stdout + res.stderr).split('\n').slice(-30).join('\n')}`);
  }
  return { built: true };
}

/**
 * Builds the app once more with the project's own vite config, into bench/.out/app (never
 * touching assets/: the config's plugin that clears assets/build is left out), and reports
 * which modules each chunk holds: rendered (minified) bytes per package or source folder.
 * @returns {Promise<{ chunks: { file: string, isEntry: boolean, isDynamicEntry: boolean, imports: string[], dynamicImports: string[], groups: { name: string, bytes: number }[] }[] }>}
 */
export async function attributeAppModules() {
  const { build, loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(ROOT, 'vite.config.ts'), ROOT, 'silent');
  if (!loaded) throw new Error('vite.config.ts not found');
  const config = loaded.config;
  const plugins = (config.plugins ?? []).flat(Infinity).filter((p) => p && p.name !== 'tagwise-remove-earlier-build');
  const chunks = [];
  const groupOf = (id) => {
    const clean = id.replace(/\0/g, '').split('?')[0];
    const nm = clean.lastIndexOf('node_modules/');
    if (nm !== -1) {
      const rest = clean.slice(nm + 'node_modules/'.length).split('/');
      return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    }
    const rel = path.relative(ROOT, clean);
    return rel.startsWith('..') ? clean : rel.split(path.sep).slice(0, 2).join('/');
  };
  await build({
    ...config,
    configFile: false,
    root: path.resolve(ROOT, config.root ?? '.'),
    logLevel: 'silent',
    plugins: [
      ...plugins,
      {
        name: 'tagwise-bench-attribution',
        generateBundle(_options, bundle) {
          for (const out of Object.values(bundle)) {
            if (out.type !== 'chunk') continue;
            const groups = new Map();
            for (const [id, info] of Object.entries(out.modules)) groups.set(groupOf(id), (groups.get(groupOf(id)) ?? 0) + (info.renderedLength ?? 0));
            chunks.push({
              file: out.fileName,
              isEntry: out.isEntry,
              isDynamicEntry: out.isDynamicEntry,
              imports: out.imports,
              dynamicImports: out.dynamicImports,
              groups: [...groups].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
            });
          }
        },
      },
    ],
    build: { ...(config.build ?? {}), outDir: path.join(OUT, 'app'), emptyOutDir: true, write: true },
  });
  return { chunks };
}
