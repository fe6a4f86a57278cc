import '../testing/timing';
import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESIZE_THROTTLE_MS, useAutoResize } from './useAutoResize';
import { createFakeZafClient } from '../testing/fakeZafClient';

let observed: (() => void) | undefined;
let height = 120;

class StubResizeObserver {
  constructor(callback: () => void) {
    observed = callback;
  }
  observe() {}
  disconnect() {
    observed = undefined;
  }
}

function Sized({ client }: { client: ReturnType<typeof createFakeZafClient> }) {
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(client, ref);
  return <div ref={ref} />;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('ResizeObserver', StubResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ height }) as DOMRect);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useAutoResize', () => {
  it('sizes the iframe at once, then follows the content height, throttled, skipping repeats', () => {
    const client = createFakeZafClient();
    const { unmount } = render(<Sized client={client} />);
    const heights = () => client.invocations.filter((i) => i.name === 'resize').map((i) => (i.args[0] as { height: string }).height);
    expect(heights()).toEqual(['120px']);
    expect(client.invocations[0]!.args[0]).toEqual({ width: '100%', height: '120px' });

    // Tags wrap onto more lines: a burst of observations makes one call.
    height = 150.4;
    act(() => {
      observed!();
      observed!();
      observed!();
    });
    act(() => vi.advanceTimersByTime(RESIZE_THROTTLE_MS));
    expect(heights()).toEqual(['120px', '151px']);

    // Same height again: nothing to say.
    act(() => observed!());
    act(() => vi.advanceTimersByTime(RESIZE_THROTTLE_MS));
    expect(heights()).toEqual(['120px', '151px']);

    unmount();
    expect(observed).toBeUndefined();
  });
});
