import styled, { keyframes } from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagSyncState } from '../domain/sync/view';
import { useTranslator } from '../i18n';

const spin = keyframes`to { transform: rotate(360deg); }`;

const Ring = styled.span`
  display: inline-block;
  width: 0.75em;
  height: 0.75em;
  border: 2px solid currentColor;
  border-right-color: transparent;
  border-radius: 50%;
  animation: ${spin} 0.8s linear infinite;

  @media (prefers-reduced-motion: reduce) {
    animation: none;
  }
`;

const Icon = styled.span`
  display: inline-flex;
  align-items: center;
  margin-inline-start: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

/** Beside a tag: a labelled spinner while saving, a clock while Zendesk asks us to wait. */
export function SyncIndicator({ state }: { state: TagSyncState }) {
  const { t } = useTranslator();
  if (state === 'saving') {
    const label = t('tagwise.tag.saving');
    return (
      <Icon role="img" aria-label={label} title={label} data-sync="saving">
        <Ring />
      </Icon>
    );
  }
  if (state === 'waiting') {
    const label = t('tagwise.tag.waiting');
    return (
      <Icon role="img" aria-label={label} title={label} data-sync="waiting">
        <span aria-hidden="true">⏱</span>
      </Icon>
    );
  }
  return null;
}
