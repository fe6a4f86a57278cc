import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { describe, expect, it } from 'vitest';
import { I18nProvider, englishTranslator } from '../../i18n';
import { AddTagsInput, type AddTagsInputProps } from './AddTagsInput';

const noop = () => undefined;

function show(props: Partial<AddTagsInputProps>) {
  const all: AddTagsInputProps = {
    inputRef: createRef<HTMLInputElement>(),
    id: 'add',
    label: 'Add tags to ticket',
    text: 'bi',
    error: null,
    suggestions: ['billing', 'birthday', 'bills'],
    counts: new Map([['billing', 1204]]),
    recent: new Set(['birthday']),
    prefix: 'bi',
    isExpanded: true,
    activeIndex: 0,
    onType: noop,
    onPick: noop,
    onExpandedChange: noop,
    onActiveIndexChange: noop,
    onKeyDown: noop,
    onPaste: noop,
    ...props,
  };
  const element = (p: AddTagsInputProps) => (
    <ThemeProvider>
      <I18nProvider translator={englishTranslator}>
        <div data-tagwise-root="">
          <AddTagsInput {...p} />
        </div>
      </I18nProvider>
    </ThemeProvider>
  );
  const result = render(element(all));
  return { ...result, update: (next: Partial<AddTagsInputProps>) => result.rerender(element({ ...all, ...next })) };
}

describe('the "Add tags" field', () => {
  it('lists suggestions named by the tag alone, the note as its description, the typed part marked', () => {
    show({});
    const field = screen.getByRole('combobox', { name: 'Add tags to ticket' });
    expect(screen.getByRole('listbox', { name: 'Suggested tags' }).id).toBe(field.getAttribute('aria-controls'));
    const billing = screen.getByRole('option', { name: 'billing' });
    expect(field).toHaveAttribute('aria-activedescendant', billing.id);
    expect(billing).toHaveAttribute('aria-description', '1,204 tickets');
    expect(billing.querySelector('mark')).toHaveTextContent(/^bi$/);
    // The note is drawn from an attribute: the option's text is the tag alone (label-in-name).
    expect(billing).toHaveTextContent(/^billing$/);
    expect(screen.getByRole('option', { name: 'birthday' })).toHaveAttribute('aria-description', 'Recent');
    expect(screen.getByRole('option', { name: 'bills' })).not.toHaveAttribute('aria-description');
  });

  it('an option the rules describe ("Create …", did you mean) is named by what it says, with its hint', () => {
    show({ suggestions: ['billing', '\u0000create'], describeOption: (value) => (value === 'billing' ? undefined : { label: 'Create bi', hint: 'A new tag' }) });
    expect(screen.getByRole('option', { name: 'Create bi A new tag' })).toBeInTheDocument();
  });

  it('asks for room at the bottom of the frame while the list shows, and gives it back', () => {
    const { container, update } = show({});
    const root = container.querySelector<HTMLElement>('[data-tagwise-root]')!;
    const list = screen.getByRole('listbox');
    list.getBoundingClientRect = () => ({ top: 100, bottom: 340, left: 0, right: 0, width: 0, height: 240, x: 0, y: 100, toJSON: noop });
    update({ suggestions: ['billing', 'birthday'] });
    expect(root.style.minHeight).toBe('344px');
    update({ isExpanded: false });
    expect(root.style.minHeight).toBe('');
  });
});
