import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';

// A Garden-looking alert without @zendeskgarden/react-notifications, for what the entry
// chunk must show on its own (a crash): the full Alert ships with the sidebar's chunk.
const Box = styled.div`
  border: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.danger' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.danger' })};
  padding: ${(p) => p.theme.space.sm} ${(p) => p.theme.space.md};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  line-height: ${(p) => p.theme.lineHeights.md};
`;

const Title = styled.strong`
  display: block;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
`;

export function PlainAlert({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box role="alert">
      <Title>{title}</Title>
      {children}
    </Box>
  );
}
