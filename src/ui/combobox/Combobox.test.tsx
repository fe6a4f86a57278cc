import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type KeyboardEvent } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxOption } from './Combobox';

const NAMES = ['alpha', 'beta', 'gamma'];

/** An owner as small as the combobox allows: it holds the text, the open state and the highlight. */
function Owner({ onPick = () => undefined, onKeyDown }: { onPick?: (value: string) => void; onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void }) {
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const options: ComboboxOption[] = NAMES.map((name) => ({ value: name, name, description: `about ${name}`, content: <b>{name}!</b> }));
  return (
    <ThemeProvider>
      <Combobox
        id="f"
        label="Add things"
        value={text}
        error={null}
        validationLabel="Error"
        options={options}
        listboxLabel="Things"
        isExpanded={expanded}
        activeIndex={active}
        onType={(value) => {
          setText(value);
          setExpanded(true);
          setActive(-1);
        }}
        onPick={onPick}
        onExpandedChange={setExpanded}
        onActiveIndexChange={setActive}
        {...(onKeyDown ? { onKeyDown } : {})}
      />
    </ThemeProvider>
  );
}

const field = () => screen.getByRole('combobox', { name: 'Add things' });
const highlighted = () => {
  const id = field().getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id)?.getAttribute('aria-label');
};

describe('Combobox', () => {
  it('is a WAI-ARIA 1.2 combobox: list autocomplete, controls its named listbox, options named alone with a description', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(field()).toHaveAttribute('aria-autocomplete', 'list');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(field(), 'a');
    const listbox = screen.getByRole('listbox', { name: 'Things' });
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    expect(field()).toHaveAttribute('aria-controls', listbox.id);
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(NAMES);
    expect(screen.getByRole('option', { name: 'beta' })).toHaveAttribute('aria-description', 'about beta');
    expect(field()).not.toHaveAttribute('aria-activedescendant');
  });

  it('↓ and ↑ open the list and move the highlight, wrapping around; the highlight is the active descendant', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    await user.click(field());
    await user.keyboard('{Escape}');
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    expect(highlighted()).toBe('alpha');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(highlighted()).toBe('gamma');
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toBe('alpha');
    await user.keyboard('{ArrowUp}');
    expect(highlighted()).toBe('gamma');
    expect(field()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(field()).not.toHaveAttribute('aria-activedescendant');
    // Opened with ↑: the last option.
    await user.keyboard('{ArrowUp}');
    expect(highlighted()).toBe('gamma');
  });

  it('Escape closes an open list and goes no further (a dialog around the field stays open); a closed list lets it pass', async () => {
    const user = userEvent.setup();
    const outside: string[] = [];
    render(
      <div onKeyDown={(event) => outside.push(event.key)}>
        <Owner />
      </div>,
    );
    await user.type(field(), 'x');
    await user.keyboard('{Escape}');
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(outside).not.toContain('Escape');
    await user.keyboard('{Escape}');
    expect(outside).toContain('Escape');
  });

  it('leaves the arrows to an IME composing a word', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    await user.type(field(), 'x');
    fireEvent.keyDown(field(), { key: 'ArrowDown', isComposing: true });
    expect(field()).not.toHaveAttribute('aria-activedescendant');
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    expect(highlighted()).toBe('alpha');
  });

  it('Enter is the owner’s: with an option highlighted the combobox picks nothing and leaves the key alone', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    const seen: boolean[] = [];
    render(<Owner onPick={onPick} onKeyDown={(event) => event.key === 'Enter' && seen.push(event.defaultPrevented)} />);
    await user.type(field(), 'x');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(highlighted()).toBe('beta');
    const enter = fireEvent.keyDown(field(), { key: 'Enter' });
    expect(enter).toBe(true);
    expect(seen).toEqual([false]);
    expect(onPick).not.toHaveBeenCalled();
    expect(field()).toHaveValue('x');
  });

  it('a click on an option picks it without taking the focus from the input; hovering moves the highlight', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<Owner onPick={onPick} />);
    await user.type(field(), 'x');
    const gamma = screen.getByRole('option', { name: 'gamma' });
    fireEvent.mouseMove(gamma);
    expect(highlighted()).toBe('gamma');
    // The press would blur the input and close the list before the click landed.
    expect(fireEvent.mouseDown(gamma)).toBe(false);
    await user.click(screen.getByRole('option', { name: 'beta' }));
    expect(onPick).toHaveBeenCalledWith('beta');
    expect(field()).toHaveFocus();
  });

  it('a click on the input opens the list; leaving the field closes it', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Owner />
        <button type="button">elsewhere</button>
      </>,
    );
    await user.click(field());
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(screen.getByRole('button', { name: 'elsewhere' })).toHaveFocus();
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('scrolls the highlighted option into the list’s view', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    await user.click(field());
    const list = screen.getByRole('listbox');
    // jsdom has no layout: the list shows 50 px of three 40 px options.
    Object.defineProperty(list, 'clientHeight', { value: 50 });
    screen.getAllByRole('option').forEach((option, index) => {
      Object.defineProperty(option, 'offsetTop', { value: index * 40 });
      Object.defineProperty(option, 'offsetHeight', { value: 40 });
    });
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(highlighted()).toBe('gamma');
    expect(list.scrollTop).toBe(120 - 50);
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toBe('alpha');
    expect(list.scrollTop).toBe(0);
  });

  it('an error is an alert that describes the field, which is marked invalid', () => {
    render(
      <ThemeProvider>
        <Combobox
          id="e"
          label="Merge into"
          hint="Pick one"
          value="!!"
          error="No letters"
          validationLabel="Error"
          options={[]}
          isExpanded={false}
          activeIndex={-1}
          onType={() => undefined}
          onPick={() => undefined}
          onExpandedChange={() => undefined}
          onActiveIndexChange={() => undefined}
        />
      </ThemeProvider>,
    );
    const input = screen.getByRole('combobox', { name: 'Merge into' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Pick one No letters');
    expect(screen.getByRole('alert')).toHaveTextContent('No letters');
    expect(screen.getByRole('img', { name: 'Error' })).toBeInTheDocument();
  });
});
