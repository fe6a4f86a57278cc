import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';

/** A text button (Retry, Undo, Reload) in Garden's colours, a target of at least 24 × 24 px. */
export const InlineButton = styled.button.attrs({ type: 'button' })`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-width: 24px;
  min-height: 24px;
  vertical-align: middle;
  border: none;
  background: none;
  padding: 0 ${(p) => p.theme.space.xxs};
  font: inherit;
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.primary' })};
  cursor: pointer;
  text-decoration: underline;
  border-radius: ${(p) => p.theme.borderRadii.sm};

  &:focus-visible {
    outline: 2px solid ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
    outline-offset: 1px;
  }
`;
