import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';

const Box = styled.p`
  margin: ${(p) => p.theme.space.xs} 0 0;
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.warning' })};
`;

/** Asks the agent to confirm new tags: a status, read out without taking the focus from the field. */
export function NewTagPrompt({ children }: { children: ReactNode }) {
  return (
    <Box role="status" data-prompt="new-tag">
      {children}
    </Box>
  );
}
