import type { ReactNode } from 'react';
import styled from 'styled-components';
import { Alert } from '@zendeskgarden/react-notifications';

const Box = styled(Alert)`
  padding-top: ${(p) => p.theme.space.xs};
  padding-bottom: ${(p) => p.theme.space.xs};

  & p {
    margin: 0;
  }
`;

/**
 * Every message the panel shows (notices, advice, read-only, connection) is this one Garden
 * Alert, compact for a narrow sidebar; its type (success, info, warning, error) says what kind
 * and is also its `data-message`. Pass `role`: Garden makes every Alert an alert otherwise.
 */
export function Message({
  type,
  children,
  ...rest
}: {
  type: 'success' | 'info' | 'warning' | 'error';
  role: string;
  children: ReactNode;
  [data: `data-${string}`]: string | undefined;
}) {
  return (
    <Box type={type} {...rest} data-message={type}>
      {children}
    </Box>
  );
}

export const MessageText = Alert.Paragraph;
