import styled, { keyframes } from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';

// Drawn here rather than with Garden's Skeleton: this shows before the sidebar's chunk
// loads, and @zendeskgarden/react-loaders would weigh on every first paint.
const pulse = keyframes`
  0%, 100% { opacity: 1; }
  50% { opacity: 0.4; }
`;

const Row = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.xxs} 0;
`;

const Bar = styled.span<{ $width: string }>`
  display: block;
  width: ${(p) => p.$width};
  height: ${(p) => p.theme.lineHeights.md};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.emphasis' })};
  animation: ${pulse} 1.5s ease-in-out infinite;

  @media (prefers-reduced-motion: reduce) {
    animation: none;
  }
`;

export function LoadingTags() {
  const { t } = useTranslator();
  return (
    <Row role="status" aria-label={t('tagwise.panel.loading')}>
      <Bar $width="25%" />
      <Bar $width="35%" />
      <Bar $width="20%" />
    </Row>
  );
}
