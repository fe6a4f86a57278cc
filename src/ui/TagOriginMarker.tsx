import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagOrigin } from '../domain/provenance';
import { useTranslator, type Translator } from '../i18n';

const Marker = styled.span`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 1.1em;
  height: 1.1em;
  margin-inline-start: ${(p) => p.theme.space.xxs};
  border: 1px solid currentColor;
  border-radius: 50%;
  font-size: ${(p) => p.theme.fontSizes.xs};
  font-style: italic;
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  line-height: 1;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  cursor: help;
`;

/** Why removing this tag from the ticket alone may not do what the agent expects. */
export function originText(origin: TagOrigin, t: Translator['t']): string {
  const parts: string[] = [];
  if (origin.fromRequester) parts.push(t('tagwise.tag.fromRequester'));
  if (origin.fromOrganization) parts.push(t('tagwise.tag.fromOrganization'));
  for (const { field, option } of origin.fields) parts.push(t('tagwise.tag.backsField', { field, option }));
  return parts.join(' ');
}

export function TagOriginMarker({ origin }: { origin: TagOrigin }) {
  const { t } = useTranslator();
  const text = originText(origin, t);
  return (
    <Marker role="img" aria-label={text} title={text} data-origin="">
      <span aria-hidden="true">i</span>
    </Marker>
  );
}
