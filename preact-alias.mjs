// The app is React code (it imports 'react', its types are @types/react) compiled against
// preact/compat. Every build of it uses these aliases, so what the tests run is what ships:
// vite.config.ts (the app's build and vitest) and bench/lib/build.mjs (the bench's in-process
// measurements and the hello baseline) import them from here.

/**
 * One entry per React entry point, each matching that exact specifier: a bare 'react' must
 * not also rewrite 'react-is' (prop-types and downshift read element types with it, and it
 * works on preact/compat's elements as it is).
 * @type {{ find: RegExp, replacement: string }[]}
 */
export const preactAliases = [
  ['react', 'preact/compat'],
  ['react-dom', 'preact/compat'],
  ['react-dom/client', 'preact/compat/client'],
  ['react-dom/test-utils', 'preact/test-utils'],
  ['react/jsx-runtime', 'preact/compat/jsx-runtime'],
  ['react/jsx-dev-runtime', 'preact/compat/jsx-dev-runtime'],
].map(([from, to]) => ({ find: new RegExp(`^${from.replace(/[/.-]/g, '\\$&')}$`), replacement: to }));

/**
 * A vite plugin that stops a build (or a test file) that would load React itself: an import
 * of a React entry point the aliases do not cover would otherwise bundle a second renderer
 * beside Preact, which half-works at best.
 * @returns {import('vite').Plugin}
 */
export function forbidReact() {
  return {
    name: 'tagwise-forbid-react',
    enforce: 'pre',
    load(id) {
      if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) {
        this.error(`${id} would put React into a build that uses preact/compat; alias its specifier in preact-alias.mjs`);
      }
      return null;
    },
  };
}
