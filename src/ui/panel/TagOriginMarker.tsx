import styled from 'styled-components';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagOrigin } from '../../domain/provenance';
import { useTranslator } from '../../i18n';
import { GardenIcon } from '../icons/GardenIcon';
import { originText } from './originText';

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
