import styled, { css } from 'styled-components';
import { focusStyles, getColor, getLineHeight } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';
import type { AddTagsViewProps } from './AddTagsView';

// The "Add tags" field until Garden's Combobox chunk arrives (see `AddTagsField`): the same
// combobox to assistive technology (role, name, collapsed, list autocomplete), the same
// look as Garden's compact editable Combobox, built from theme tokens only. It must not
// import @zendeskgarden/react-forms or react-dropdowns: keeping them out of the chunk that
// shows the tags is its whole point.

// Garden's combobox label: semibold, one 5-unit line.
const Label = styled.label`
  direction: ${(p) => (p.theme.rtl ? 'rtl' : 'ltr')};
  vertical-align: revert;
  line-height: ${(p) => getLineHeight(p.theme.space.base * 5, p.theme.fontSizes.md)};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-size: ${(p) => p.theme.fontSizes.md};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

// Garden's compact trigger: a 5-unit input in a 8-unit box with a hairline border.
const Trigger = styled.div<{ $invalid: boolean }>`
  ${({ theme, $invalid }) => {
    const base = theme.space.base;
    const inputHeight = base * 5;
    const minHeight = base * 3 + inputHeight;
    const border = $invalid
      ? getColor({ theme, variable: 'border.dangerEmphasis' })
      : getColor({ theme, variable: 'border.default', dark: { offset: -100 }, light: { offset: 100 } });
    const variable = $invalid ? 'border.dangerEmphasis' : 'border.primaryEmphasis';
    const hover = getColor({ theme, variable });
    return css`
      margin-top: ${base}px;
      min-width: 100px;
      box-sizing: border-box;
      border: ${theme.borders.sm};
      border-radius: ${theme.borderRadii.md};
      padding: calc((${minHeight}px - ${inputHeight}px - ${theme.borderWidths.sm} * 2) / 2) ${base * 3}px;
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

const InputRow = styled.div`
  display: flex;
  margin: -${(p) => p.theme.shadowWidths.sm};
  min-width: 0;
`;

const Input = styled.input`
  flex-basis: 0;
  flex-grow: 1;
  margin: ${(p) => p.theme.shadowWidths.sm};
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

// Garden's validation message: small danger text after a 16px icon.
const Message = styled.div`
  display: inline-block;
  position: relative;
  vertical-align: middle;
  margin-top: ${(p) => p.theme.space.base}px;
  padding-${(p) => (p.theme.rtl ? 'right' : 'left')}: ${(p) => `calc(${p.theme.space.base * 2}px + ${p.theme.iconSizes.md})`};
  line-height: ${(p) => getLineHeight(p.theme.iconSizes.md, p.theme.fontSizes.sm)};
  font-size: ${(p) => p.theme.fontSizes.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
`;

const MessageIcon = styled.svg`
  position: absolute;
  top: -1px;
  ${(p) => (p.theme.rtl ? 'right' : 'left')}: 0;
  width: ${(p) => p.theme.iconSizes.md};
  height: ${(p) => p.theme.iconSizes.md};
`;

export interface PlainAddTagsInputProps extends AddTagsViewProps {
  /** The agent reached for the field: the moment to fetch the real Combobox at once. */
  readonly onEngage: () => void;
  readonly onBlur: () => void;
}

/** A plain input standing in for `AddTagsCombobox`; no suggestions, same typing and Enter. */
export function PlainAddTagsInput({ boxRef, id, label, text, error, onType, onKeyDown, onPaste, onEngage, onBlur }: PlainAddTagsInputProps) {
  const { t } = useTranslator();
  const inputId = `${id}--input`;
  const messageId = `${id}--message`;
  return (
    <div ref={boxRef} onPointerDown={onEngage}>
      <Label htmlFor={inputId}>{label}</Label>
      <Trigger $invalid={error !== null} data-add-trigger="">
        <InputRow>
          <Input
            id={inputId}
            type="text"
            role="combobox"
            aria-expanded="false"
            aria-autocomplete="list"
            aria-label={label}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? messageId : undefined}
            placeholder={t('tagwise.add.placeholder')}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => onType(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onFocus={onEngage}
            onBlur={onBlur}
          />
        </InputRow>
      </Trigger>
      {error !== null && (
        <Message id={messageId} role="alert">
          <MessageIcon viewBox="0 0 16 16" role="img" aria-label={t('tagwise.add.validationLabel')}>
            <g fill="none" stroke="currentColor">
              <circle cx="7.5" cy="8.5" r="7" />
              <path strokeLinecap="round" d="M7.5 4.5v5" />
            </g>
            <circle cx="7.5" cy="12" r="1" fill="currentColor" />
          </MessageIcon>
          {error}
        </Message>
      )}
    </div>
  );
}
