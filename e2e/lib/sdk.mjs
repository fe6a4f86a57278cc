// The real ZAF SDK (node_modules/zendesk_app_framework_sdk) for a plain browser page.
// The npm package ships only CommonJS sources (lib/*.js, no built file), so this wraps each
// module unchanged in a tiny require() registry and exposes `window.ZAFClient`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sdkLib = path.join(root, 'node_modules', 'zendesk_app_framework_sdk', 'lib');

const MODULES = {
  './index': 'index.js',
  './client': 'client.js',
  './utils': 'utils.js',
  './vendor/native-promise-only': 'vendor/native-promise-only.js',
};

/** @type {Promise<string> | null} */
let cached = null;

/** @returns {Promise<string>} JavaScript text defining window.ZAFClient */
export function sdkBundle() {
  cached ??= (async () => {
    const parts = [];
    for (const [id, file] of Object.entries(MODULES)) {
      const source = await readFile(path.join(sdkLib, file), 'utf8');
      parts.push(`${JSON.stringify(id)}: function (module, exports, require) {\n${source}\n}`);
    }
    return `(function () {
  var factories = {${parts.join(',\n')}};
  var cache = {};
  function load(id) {
    var key = id.replace(/\\.js$/, '');
    if (cache[key]) return cache[key].exports;
    var factory = factories[key];
    if (!factory) throw new Error('zaf-sdk bundle: unknown module ' + id);
    var module = { exports: {} };
    cache[key] = module;
    factory.call(module.exports, module, module.exports, load);
    return module.exports;
  }
  window.ZAFClient = load('./index');
})();
`;
  })();
  return cached;
}
