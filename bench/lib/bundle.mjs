// Bundle figures from the built app: which chunks must run before the tags can show, and
// how big everything is, raw / gzip / brotli (Node's zlib, highest levels).
//
// "Initial" = what index.html loads (module scripts and stylesheets, and its own inline
// <style>, counted as the file `index.html#style`) plus every chunk those
// reach through STATIC imports (`import … from "./x.js"`, `export … from`, `import "./x.js"`),
// transitively. Dynamic `import("./x.js")` is not followed: it is loaded later, on demand.
// Separately, `locationPath()` adds the dynamic chunks a location's view needs (the sidebar's
// lazy chunk and its static imports): what really runs before a ticket's tags can show.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @param {Buffer} buf */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** @param {{raw:number,gzip:number,brotli:number}[]} list */
function sum(list) {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

let lexer;
async function loadLexer() {
  if (lexer !== undefined) return lexer;
  try {
    const mod = await import('es-module-lexer');
    await mod.init;
    lexer = mod;
  } catch {
    lexer = null; // a regular expression reads vite's minified output well enough
  }
  return lexer;
}

/**
 * Relative specifiers a chunk imports, split into static and dynamic.
 * @param {string} code @returns {Promise<{ static: string[], dynamic: string[] }>}
 */
export async function importsOf(code) {
  const lex = await loadLexer();
  const out = { static: [], dynamic: [] };
  if (lex) {
    const [imports] = lex.parse(code);
    for (const imp of imports) {
      // A dynamic import of a template literal without substitutions (rolldown writes
      // import(`./x.js`)) is as literal as a quoted one.
      const quasi = !imp.n && imp.d > -1 ? /^`([^`$]*)`$/.exec(code.slice(imp.s, imp.e).trim()) : null;
      if (quasi) imp.n = quasi[1];
      if (!imp.n) continue; // dynamic import of a non-literal
      if (!imp.n.startsWith('.') && !imp.n.startsWith('/')) continue;
      (imp.d > -1 ? out.dynamic : imp.d === -1 ? out.static : out.dynamic).push(imp.n);
    }
    // vite's preload helper names the dynamic chunks' dependencies in a string list
    // (__vite__mapDeps): they are loaded with the dynamic import, not before.
    return out;
  }
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) out.static.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`$]+)["'`]\s*\)/g)) out.dynamic.push(m[1]);
  return out;
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/**
 * @param {string} assetsDir the built app folder (contains index.html)
 */
export async function analyseBundle(assetsDir) {
  const html = readFileSync(path.join(assetsDir, 'index.html'), 'utf8');
  // Every file the page asks for as it is parsed, whatever for: beside the module graph a
  // stylesheet holds back the scripts, and prefetches compete with them.
  const fetchedByPage = [
    ...[...html.matchAll(/<script\b[^>]*>/g)].flatMap((m) => {
      const src = /\bsrc=["']([^"']+)["']/.exec(m[0])?.[1];
      return src ? [{ kind: /\btype=["']module["']/.test(m[0]) ? 'script' : 'classic script', href: src }] : [];
    }),
    ...[...html.matchAll(/<link\b[^>]*>/g)].flatMap((m) => {
      const rel = /\brel=["']([^"']+)["']/.exec(m[0])?.[1];
      const href = /\bhref=["']([^"']+)["']/.exec(m[0])?.[1];
      return rel && href ? [{ kind: rel, href }] : [];
    }),
  ];
  // What runs or styles the page before the tags: module scripts, their preloads, stylesheets.
  const entries = fetchedByPage.filter((f) => ['script', 'modulepreload', 'stylesheet'].includes(f.kind)).map((f) => f.href);
  if (entries.length === 0) throw new Error(`${path.join(assetsDir, 'index.html')} loads no module script`);

  const resolveFrom = (fromFile, spec) => path.resolve(path.dirname(fromFile), spec.split(/[?#]/)[0]);
  /** @type {Map<string, { size: ReturnType<typeof sizes>, static: string[], dynamic: string[] }>} */
  const chunks = new Map();
  async function chunk(file) {
    let c = chunks.get(file);
    if (c) return c;
    const buf = readFileSync(file);
    const imports = file.endsWith('.js') || file.endsWith('.mjs') ? await importsOf(buf.toString('utf8')) : { static: [], dynamic: [] };
    c = {
      size: sizes(buf),
      static: imports.static.map((s) => resolveFrom(file, s)),
      dynamic: imports.dynamic.map((s) => resolveFrom(file, s)),
    };
    chunks.set(file, c);
    return c;
  }
  async function closure(starts) {
    const seen = new Set();
    const queue = [...starts];
    while (queue.length) {
      const file = queue.shift();
      if (seen.has(file)) continue;
      seen.add(file);
      const c = await chunk(file);
      queue.push(...c.static);
    }
    return seen;
  }

  const htmlFile = path.join(assetsDir, 'index.html');
  const initialFiles = await closure(entries.map((e) => resolveFrom(htmlFile, e)));
  const all = listFiles(assetsDir).filter((f) => /\.(m?js|css)$/.test(f));
  for (const f of all) await chunk(f);
  // The first paint's CSS is inlined into the page: it is loaded before the tags all the same.
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const inlineFile = `${htmlFile}#style`;
  if (inlineCss) {
    chunks.set(inlineFile, { size: sizes(Buffer.from(inlineCss)), static: [], dynamic: [] });
    initialFiles.add(inlineFile);
  }
  const rel = (f) => path.relative(assetsDir, f);
  const describe = (files) => {
    const list = [...files].map((f) => ({ file: rel(f), ...chunks.get(f).size })).sort((a, b) => b.gzip - a.gzip);
    return { files: list, total: sum(list) };
  };
  const initial = describe(initialFiles);
  const js = describe(all.filter((f) => /\.m?js$/.test(f)));
  const css = describe([...all.filter((f) => f.endsWith('.css')), ...(inlineCss ? [inlineFile] : [])]);

  /**
   * The initial chunks plus the dynamic chunks whose file name starts with one of `prefixes`
   * (imported by any chunk already in the set), with their static imports.
   * @param {string | string[]} prefixes
   */
  async function locationPath(prefixes) {
    const wanted = Array.isArray(prefixes) ? prefixes : [prefixes];
    let files = new Set(initialFiles);
    const added = new Set();
    for (;;) {
      const more = [];
      for (const f of files) for (const d of chunks.get(f).dynamic) if (!added.has(d) && wanted.some((p) => path.basename(d).startsWith(p))) more.push(d);
      if (more.length === 0) break;
      for (const d of more) added.add(d);
      files = await closure([...files, ...more]);
    }
    if (added.size === 0) return null;
    return describe(files);
  }
  /** Static and dynamic imports, all the way down, except into files `skip` names. */
  async function reachable(starts, skip = () => false) {
    const seen = new Set();
    const queue = [...starts];
    while (queue.length) {
      const file = queue.shift();
      if (seen.has(file) || skip(file)) continue;
      seen.add(file);
      const c = await chunk(file);
      queue.push(...c.static, ...c.dynamic);
    }
    return seen;
  }

  /**
   * The chunks only a location loaded lazily through a file named `prefix…` ever needs (its
   * chunk, what it imports, its own locale files), and no other location: the nav_bar's
   * Tag manager, say, which agents in a sidebar never download.
   */
  async function exclusiveTo(prefix) {
    const isMine = (f) => path.basename(f).startsWith(prefix);
    // Wherever it is imported from (the entry, or the lazy App chunk that picks the view).
    const mine = [...(await reachable(initialFiles))].filter(isMine);
    if (mine.length === 0) return null;
    const others = await reachable(initialFiles, isMine);
    const only = [...(await reachable(mine))].filter((f) => !others.has(f));
    return describe(only);
  }
  return { entries, initial, js, css, locationPath, exclusiveTo, fetchedByPage, html: sizes(Buffer.from(html)) };
}
