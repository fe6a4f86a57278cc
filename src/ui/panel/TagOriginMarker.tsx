import styled from 'styled-components';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagOrigin } from '../../domain/provenance';
import { useTranslator, type Translator } from '../../i18n';
import { GardenIcon } from '../icons/GardenIcon';

// A 24 px target (WCAG 2.2's minimum) around a 12 px icon.
const Marker = styled.span`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 24px;
  height: 24px;
  border-radius: 50%;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  cursor: help;

  &:focus {
    outline: none;
  }

  &:focus-visible {
    box-shadow: inset 0 0 0 2px ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
  }
`;

/** Why removing this tag from the ticket alone may not do what the agent expects. */
export function originText(origin: TagOrigin, t: Translator['t']): string {
  const parts: string[] = [];
  if (origin.fromRequester) parts.push(t('tagwise.tag.fromRequester'));
  if (origin.fromOrganization) parts.push(t('tagwise.tag.fromOrganization'));
  for (const { field, option } of origin.fields) parts.push(t('tagwise.tag.backsField', { field, option }));
  return parts.join(' ');
}

/**
 * The "i" beside an inherited or field-backed tag. It takes focus (Tab from its tag) and
 * shows its explanation in a Garden tooltip on focus as on hover; the tooltip names it.
 */
export function TagOriginMarker({ origin, tabbable }: { origin: TagOrigin; tabbable: boolean }) {
  const { t } = useTranslator();
  const text = originText(origin, t);
  return (
    <Tooltip content={text} isLabel delayMS={150} size="medium" placement="bottom" zIndex={10} appendToNode={document.body}>
      <Marker role="img" aria-label={text} tabIndex={tabbable ? 0 : -1} data-origin="">
        <GardenIcon name="info" />
      </Marker>
    </Tooltip>
  );
}
