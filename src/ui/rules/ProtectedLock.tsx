import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';

const Lock = styled.span`
  display: inline-flex;
  align-items: center;
  margin-inline-start: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  cursor: help;

  svg {
    width: 0.9em;
    height: 0.9em;
  }
`;

/** Marks a protected tag: named "Protected: <reason>" for screen readers, the same as a tooltip. */
export function ProtectedLock() {
  const { t } = useTranslator();
  const text = t('tagwise.rules.protectedLock', { reason: t('tagwise.rules.protectedReason') });
  return (
    <Lock role="img" aria-label={text} title={text} data-protected="">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Z" />
      </svg>
    </Lock>
  );
}
