import { useId, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';
import { useTagRules } from './TagRulesContext';

const Tip = styled.span`
  position: absolute;
  z-index: 10;
  top: calc(100% + ${(p) => p.theme.space.xxs});
  inset-inline-start: 0;
  width: max-content;
  max-width: 240px;
  padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.emphasis' })};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.onEmphasis' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
  white-space: normal;
  pointer-events: none;

  &[hidden] {
    display: none;
  }
`;

export interface TagDescription {
  /** For the tag's list item: hovering it shows the description. */
  readonly itemProps: { onPointerEnter?: () => void; onPointerLeave?: () => void };
  /** For the focusable tag: focus shows it, and it describes the tag to screen readers. */
  readonly chipProps: { 'aria-describedby'?: string; onBlur?: () => void };
  readonly onFocus: () => void;
  /** Place inside the item (which must be positioned). */
  readonly tooltip: ReactNode;
}

/** The admin's description of a tag ("vip: contract customers; set by sales"), shown on hover or focus. */
export function useTagDescription(name: string): TagDescription {
  const { t } = useTranslator();
  const description = useTagRules().rules.descriptions.get(name);
  const id = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  if (description === undefined) return { itemProps: {}, chipProps: {}, onFocus: () => undefined, tooltip: null };
  return {
    itemProps: { onPointerEnter: () => setHovered(true), onPointerLeave: () => setHovered(false) },
    chipProps: { 'aria-describedby': id, onBlur: () => setFocused(false) },
    onFocus: () => setFocused(true),
    tooltip: (
      <Tip id={id} role="tooltip" hidden={!hovered && !focused}>
        {t('tagwise.rules.described', { tag: name, description })}
      </Tip>
    ),
  };
}
