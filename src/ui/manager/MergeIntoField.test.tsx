import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider, englishTranslator, type Translator } from '../../i18n';
import { withManagerMessages } from '../../i18n/manager/load';
import { MergeIntoField } from './DialogFrame';

let translator: Translator;
beforeAll(async () => {
  translator = await withManagerMessages(englishTranslator);
});

function Form({ submitted }: { submitted: string[] }) {
  const [text, setText] = useState('');
  const names = ['billing', 'billing_eu', 'bills'].filter((name) => name.startsWith(text));
  return (
    <ThemeProvider>
      <I18nProvider translator={translator}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submitted.push(text);
          }}
        >
          <MergeIntoField value={text} onChange={setText} hint="Tickets move to the tag you pick" names={names} />
        </form>
      </I18nProvider>
    </ThemeProvider>
  );
}

describe('Merge into', () => {
  it('is a combobox offering the names; Enter takes the highlighted one, and with none submits the dialog', async () => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    render(<Form submitted={submitted} />);
    const into = screen.getByRole('combobox', { name: 'Merge into' });
    expect(into).toHaveAccessibleDescription('Tickets move to the tag you pick');
    await user.type(into, 'bil');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['billing', 'billing_eu', 'bills']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(into).toHaveValue('billing_eu');
    expect(into).toHaveAttribute('aria-expanded', 'false');
    expect(submitted).toEqual([]);
    await user.keyboard('{Enter}');
    expect(submitted).toEqual(['billing_eu']);
  });

  it('a click on a name takes it', async () => {
    const user = userEvent.setup();
    render(<Form submitted={[]} />);
    const into = screen.getByRole('combobox', { name: 'Merge into' });
    await user.click(into);
    await user.click(screen.getByRole('option', { name: 'bills' }));
    expect(into).toHaveValue('bills');
    expect(into).toHaveFocus();
  });
});
