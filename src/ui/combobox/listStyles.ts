import styled, { css } from 'styled-components';
import { getColor, menuStyles } from '@zendeskgarden/react-theming';

// The list that floats below the field, drawn as Garden draws a Combobox's listbox and its
// options: the menu's raised surface and shadow, options of 7 units (compact) or 9 with room
// for Garden's check icon on the start side, the active option tinted with a bar on its
// start edge, hints in small subtle text.

/** An option's minimum height. */
export const optionHeight = (base: number, compact: boolean) => base * (compact ? 7 : 9);

// Positioned below the trigger by its anchor, as wide as the trigger, one unit away from it.
export const Floating = styled.div<{ $zIndex: number }>`
  top: 100%;
  left: 0;
  width: 100%;
  ${(p) =>
    menuStyles('bottom', {
      theme: p.theme,
      zIndex: p.$zIndex,
      margin: `${p.theme.space.base}px`,
      animationModifier: '[data-garden-animate="true"]',
    })}

  &[hidden] {
    display: none;
  }
`;

export const Listbox = styled.ul<{ $compact: boolean; $maxHeight: number }>`
  &&& {
    display: block;
    position: relative;
    box-sizing: border-box;
    margin: 0;
    padding: ${(p) => p.theme.space.base}px 0;
    width: 100%;
    min-height: ${(p) => optionHeight(p.theme.space.base, p.$compact) + p.theme.space.base * 2}px;
    max-height: ${(p) => p.$maxHeight}px;
    overflow-y: auto;
    list-style-type: none;
  }
`;

export const Option = styled.li<{ $compact: boolean; $active: boolean }>`
  ${({ theme, $compact, $active }) => {
    const minHeight = optionHeight(theme.space.base, $compact);
    const active = 'background.primaryEmphasis';
    return css`
      display: flex;
      position: relative;
      box-sizing: border-box;
      padding: calc((${minHeight}px - ${theme.lineHeights.md}) / 2) ${theme.space.base * 9}px;
      min-height: ${minHeight}px;
      line-height: ${theme.lineHeights.md};
      overflow-wrap: anywhere;
      font-weight: ${theme.fontWeights.regular};
      color: ${getColor({ theme, variable: 'foreground.default' })};
      cursor: pointer;
      user-select: none;
      transition: color 0.25s ease-in-out;

      ${$active &&
      css`
        box-shadow: inset ${theme.rtl ? `-${theme.shadowWidths.md}` : theme.shadowWidths.md} 0 ${getColor({ theme, variable: active })};
        background-color: ${getColor({ theme, variable: active, transparency: theme.opacity[100] })};
      `}
    `;
  }}
`;

export const OptionContent = styled.div`
  display: flex;
  flex-direction: column;
  flex-grow: 1;
  min-width: 0;
`;

/** Garden's Option.Meta: a second line of small, subtle text. */
export const OptionMeta = styled.div`
  line-height: ${(p) => p.theme.lineHeights.sm};
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.regular};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;
