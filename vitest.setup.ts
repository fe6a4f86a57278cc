import '@testing-library/jest-dom/vitest';
// Every test file gets the same room for waits under load, whether or not it imports it.
import './src/ui/testing/timing';

// Garden's theming asks matchMedia for the colour scheme; jsdom has none.
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
