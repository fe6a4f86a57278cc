/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// ZAF serves everything from assets/, and the iframe URL is assets/index.html,
// so the build writes there with relative URLs.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../assets',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: {
      input: 'src/index.html',
    },
  },
  test: {
    root: '.',
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'dev/**/*.test.{js,mjs,ts}', 'scripts/**/*.test.{js,mjs,ts}', 'test/**/*.test.{ts,tsx,mjs}'],
  },
});
