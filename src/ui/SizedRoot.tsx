import { useRef, type ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { ZafClient } from '../zaf/client';
import { useAutoResize } from './addField/useAutoResize';

// Sized by its content: the sidebar iframe follows this element's height. The padding is room
// inside the frame's edges, so no focus ring is cut.
const Root = styled.div`
  display: flow-root;
  box-sizing: border-box;
  padding: ${(p) => p.theme.space.xs};
  font-family: ${(p) => p.theme.fonts.system};
  font-size: ${(p) => p.theme.fontSizes.md};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
`;

export function SizedRoot({ client, children }: { client: ZafClient; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(client, ref);
  return (
    <Root ref={ref} data-tagwise-root="">
      {children}
    </Root>
  );
}
