import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';
import { LOCK_PATH } from '../icons/lockPath';

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
        <path fill="currentColor" d={LOCK_PATH} />
      </svg>
    </Lock>
  );
}
