import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { ZafClient } from '../zaf/client';
import { useAutoResize } from './useAutoResize';

const Root = styled.div`
  /* Sized by its content: the sidebar iframe follows this element's height. */
  display: flow-root;
  box-sizing: border-box;
  /* Room inside the frame's edges, so no focus ring is cut. */
  padding: ${(p) => p.theme.space.xs};
  font-family: ${(p) => p.theme.fonts.system};
  font-size: ${(p) => p.theme.fontSizes.md};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
`;

/**
 * Asks for room at the bottom of the frame for something floating over the content (the
 * suggestions): `bottom` is how far below the app's top it reaches, null when it is gone.
 */
export type ClaimFrameSpace = (owner: object, bottom: number | null) => void;

const FrameSpace = createContext<ClaimFrameSpace>(() => undefined);

/** For floating content: the frame grows to hold it while it shows, and shrinks after. */
export function useFrameSpace(): ClaimFrameSpace {
  return useContext(FrameSpace);
}

export function SizedRoot({ client, children }: { client: ZafClient; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(client, ref);
  const claims = useRef(new Map<object, number>());
  const [reserved, setReserved] = useState(0);
  const claim = useCallback<ClaimFrameSpace>((owner, bottom) => {
    if (bottom === null) claims.current.delete(owner);
    else claims.current.set(owner, bottom);
    setReserved(Math.max(0, ...claims.current.values()));
  }, []);
  return (
    // The room is a minimum height: it adds space below everything, so nothing moves.
    <Root ref={ref} data-tagwise-root="" style={reserved > 0 ? { minHeight: `${reserved}px` } : undefined}>
      <FrameSpace.Provider value={claim}>{children}</FrameSpace.Provider>
    </Root>
  );
}
