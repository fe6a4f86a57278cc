import styled, { css } from 'styled-components';
import { focusStyles, getColor, getLineHeight } from '@zendeskgarden/react-theming';

// The field around the combobox's input, drawn from Garden's theme tokens the way Garden's
// editable Combobox draws it (label, hint, trigger, validation message), so the field looks
// like Garden's in both densities, right to left and dark, without Garden's dropdown code.

/** The input's height inside the trigger: 5 units compact, 8 otherwise. */
const innerHeight = (base: number, compact: boolean) => base * (compact ? 5 : 8);

export const FieldBox = styled.div`
  direction: ${(p) => (p.theme.rtl ? 'rtl' : 'ltr')};
  text-align: start;
`;

// Garden's combobox label: semibold, one 5-unit line.
export const Label = styled.label`
  vertical-align: revert;
  line-height: ${(p) => getLineHeight(p.theme.space.base * 5, p.theme.fontSizes.md)};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-size: ${(p) => p.theme.fontSizes.md};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

export const Hint = styled.div`
  display: block;
  line-height: ${(p) => getLineHeight(p.theme.space.base * 5, p.theme.fontSizes.md)};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.md};
`;

/** Holds the trigger and the list floating below it. */
export const Anchor = styled.div<{ $compact: boolean }>`
  position: relative;
  margin-top: ${(p) => p.theme.space.base * (p.$compact ? 1 : 2)}px;
  min-width: ${(p) => (p.$compact ? 100 : 144)}px;
`;

// Garden's trigger: the input in a box 3 units (compact) or 2 units taller, a hairline border.
export const Trigger = styled.div<{ $invalid: boolean; $compact: boolean }>`
  ${({ theme, $invalid, $compact }) => {
    const base = theme.space.base;
    const minHeight = base * ($compact ? 3 : 2) + innerHeight(base, $compact);
    const border = $invalid
      ? getColor({ theme, variable: 'border.dangerEmphasis' })
      : getColor({ theme, variable: 'border.default', dark: { offset: -100 }, light: { offset: 100 } });
    const variable = $invalid ? 'border.dangerEmphasis' : 'border.primaryEmphasis';
    const hover = getColor({ theme, variable });
    return css`
      display: flex;
      box-sizing: border-box;
      border: ${theme.borders.sm};
      border-radius: ${theme.borderRadii.md};
      padding: calc((${minHeight}px - ${innerHeight(base, $compact)}px - ${theme.borderWidths.sm} * 2) / 2) ${base * 3}px;
      min-height: ${minHeight}px;
      max-height: ${minHeight}px;
      overflow-y: auto;
      cursor: text;
      font-size: ${theme.fontSizes.md};
      color-scheme: only ${theme.colors.base};
      border-color: ${border};
      background-color: ${getColor({ theme, variable: 'background.default' })};
      color: ${getColor({ theme, variable: 'foreground.default' })};
      transition:
        border-color 0.25s ease-in-out,
        box-shadow 0.1s ease-in-out,
        background-color 0.25s ease-in-out,
        color 0.25s ease-in-out;

      &:hover {
        border-color: ${hover};
      }

      ${focusStyles({
        theme,
        color: { variable },
        selector: '&:focus-within',
        styles: { borderColor: hover },
      })}
    `;
  }}
`;

export const InputRow = styled.div`
  display: flex;
  flex-grow: 1;
  margin: -${(p) => p.theme.shadowWidths.sm};
  min-width: 0;
`;

export const Input = styled.input<{ $compact: boolean }>`
  flex-basis: 0;
  flex-grow: 1;
  margin: ${(p) => `calc(${p.theme.shadowWidths.sm} + ${(innerHeight(p.theme.space.base, p.$compact) - p.theme.space.base * 5) / 2}px)`}
    ${(p) => p.theme.shadowWidths.sm};
  border: none;
  padding: 0;
  min-width: ${(p) => p.theme.space.base * 8}px;
  height: ${(p) => p.theme.space.base * 5}px;
  line-height: ${(p) => getLineHeight(p.theme.space.base * 5, p.theme.fontSizes.md)};
  font-family: inherit;
  font-size: ${(p) => p.theme.fontSizes.md};
  background-color: inherit;
  color: inherit;

  &:focus {
    outline: none;
  }

  &::placeholder {
    opacity: 1;
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.disabled' })};
  }
`;

// Garden's end icon of an autocomplete combobox: a chevron that turns while the list shows.
export const Chevron = styled.span<{ $compact: boolean; $open: boolean }>`
  display: inline-flex;
  flex-shrink: 0;
  align-self: flex-start;
  margin-top: ${(p) => (innerHeight(p.theme.space.base, p.$compact) - parseInt(p.theme.iconSizes.md, 10)) / 2}px;
  margin-${(p) => (p.theme.rtl ? 'right' : 'left')}: ${(p) => p.theme.space.base * 2}px;
  width: ${(p) => p.theme.iconSizes.md};
  height: ${(p) => p.theme.iconSizes.md};
  transform: ${(p) => (p.$open ? `rotate(${p.theme.rtl ? '-' : '+'}180deg)` : 'none')};
  transition:
    transform 0.25s ease-in-out,
    color 0.25s ease-in-out;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  cursor: pointer;

  & > svg {
    width: 100%;
    height: 100%;
  }
`;

// Garden's validation message: small danger text after a 16px icon.
export const Message = styled.div<{ $compact: boolean }>`
  display: inline-block;
  position: relative;
  vertical-align: middle;
  margin-top: ${(p) => p.theme.space.base * (p.$compact ? 1 : 2)}px;
  padding-${(p) => (p.theme.rtl ? 'right' : 'left')}: ${(p) => `calc(${p.theme.space.base * 2}px + ${p.theme.iconSizes.md})`};
  line-height: ${(p) => getLineHeight(p.theme.iconSizes.md, p.theme.fontSizes.sm)};
  font-size: ${(p) => p.theme.fontSizes.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
`;

export const MessageIcon = styled.svg`
  position: absolute;
  top: -1px;
  ${(p) => (p.theme.rtl ? 'right' : 'left')}: 0;
  width: ${(p) => p.theme.iconSizes.md};
  height: ${(p) => p.theme.iconSizes.md};
`;
