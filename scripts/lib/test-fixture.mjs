// Test helper: writes a small, valid ZAF app folder into a fresh temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodePng } from './png.mjs';

export function validManifest() {
  return {
    name: 'Tagwise',
    author: { name: 'Tagwise', email: 'support@tagwise.example', url: 'https://tagwise.example' },
    defaultLocale: 'en',
    private: true,
    location: {
      support: {
        ticket_sidebar: { url: 'assets/index.html', flexible: true },
        user_sidebar: { url: 'assets/index.html', flexible: true },
        organization_sidebar: { url: 'assets/index.html', flexible: true },
      },
    },
    version: '1.0.0',
    frameworkVersion: '2.0',
  };
}

export function validTranslations() {
  return {
    app: {
      name: 'Tagwise',
      short_description: 'Tags, quickly.',
      long_description: 'See, add and remove tags.',
      installation_instructions: 'Turn on tags on users and organizations.',
    },
    ui: { add: 'Add tag' },
  };
}

export function blankPng(size) {
  return encodePng(size, size, new Uint8Array(size * size * 4).fill(200));
}

export function writeJson(dir, rel, value) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

export function writeFile(dir, rel, data) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** A fresh valid app folder; returns its absolute path. */
export function makeFixture(prefix = 'tagwise-fixture-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  writeJson(dir, 'manifest.json', validManifest());
  writeJson(dir, 'translations/en.json', validTranslations());
  writeFile(dir, 'assets/index.html', '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFile(dir, 'assets/main.js', 'console.log("tagwise");\n');
  writeFile(dir, 'assets/logo.png', blankPng(320));
  writeFile(dir, 'assets/logo-small.png', blankPng(128));
  // Things that must never be packaged (and so never be checked).
  writeFile(dir, 'src/main.ts', 'const password = "not packaged";\n');
  writeFile(dir, 'node_modules/x/index.js', 'module.exports = 1;\n');
  writeFile(dir, 'assets/.DS_Store', 'api_token');
  return dir;
}

export function removeFixture(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}
