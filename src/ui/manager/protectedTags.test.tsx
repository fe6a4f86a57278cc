/**
 * The Tag manager refuses protected tags (settings `protected_tags`): no rename, merge or
 * delete of one, and no rename or merge into one. The dialog says why and nothing is sent.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import { parseTagRules } from '../../domain/rules';
import type { TagOperation } from '../../domain/bulk/operation';
import { I18nProvider, englishTranslator, type Translator } from '../../i18n';
import { withManagerMessages } from '../../i18n/manager/load';
import type { AccountTag } from '../../zendesk/bulkApi';
import { AccountTagsTable } from './AccountTagsTable';
import { TagActionDialog } from './TagActionDialog';
import type { TagAction } from './AccountTagsTable';

const { isProtected } = parseTagRules({ protected_tags: 'vip\nsla_*' }).rules.protectedTags;
const REFUSAL = (tag: string) => `${tag} is protected. Set by an automation; Tagwise won't change it.`;

const TAGS: AccountTag[] = [
  { name: 'billing', count: 40 },
  { name: 'biling', count: 7 },
  { name: 'vip', count: 12 },
  { name: 'sla_breach', count: 5 },
];

let translator: Translator;
beforeAll(async () => {
  translator = await withManagerMessages(englishTranslator);
});

function wrap(children: ReactNode) {
  return (
    <ThemeProvider>
      <I18nProvider translator={translator}>{children}</I18nProvider>
    </ThemeProvider>
  );
}

/** The preview's answers, counting what the dialog asks for. */
function previewApi() {
  const asked: string[] = [];
  return {
    asked,
    api: {
      ticketCounts: async (tag: string) => (asked.push(`counts ${tag}`), { total: 3, closed: 1 }),
      sampleTickets: async (tag: string) => (asked.push(`sample ${tag}`), [1, 2, 3]),
      ownerTaggingOn: async () => (asked.push('tagging'), false),
      ownerCounts: async (tag: string) => (asked.push(`owners ${tag}`), { users: 0, organizations: 0 }),
    },
  };
}

function openDialog(action: TagAction, tag: string) {
  const { api, asked } = previewApi();
  const confirmed: TagOperation[] = [];
  render(wrap(<TagActionDialog action={action} tag={tag} tags={TAGS} api={api} isProtected={isProtected} onClose={() => {}} onConfirm={(op) => confirmed.push(op)} />));
  return { asked, confirmed, user: userEvent.setup() };
}

const confirmButton = (name: string) => screen.getByRole('button', { name, hidden: false });

describe('Tag manager: protected tags', () => {
  it.each([
    ['rename', 'Rename', 'vip'],
    ['merge', 'Merge', 'sla_breach'],
    ['delete', 'Delete', 'sla_breach'],
  ] as const)('%s of a protected tag: the dialog says why, the confirm stays off, nothing is asked or sent', async (action, label, tag) => {
    const { asked, confirmed, user } = openDialog(action, tag);
    const dialog = await screen.findByRole('dialog');
    expect(await screen.findByRole('alert')).toHaveTextContent(REFUSAL(tag));
    expect(confirmButton(label)).toBeDisabled();
    // No field to type a target into, and Enter sends nothing either.
    expect(dialog.querySelector('input')).toBeNull();
    await user.keyboard('{Enter}');
    await user.click(confirmButton(label));
    expect(confirmed).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('a rename to a protected name is refused with the reason; another name is accepted', async () => {
    const { confirmed, user } = openDialog('rename', 'biling');
    const field = await screen.findByRole('textbox', { name: 'New name' });
    await user.type(field, 'VIP');
    expect(await screen.findByRole('alert')).toHaveTextContent(REFUSAL('vip'));
    await screen.findByText(/tickets carry biling/);
    expect(confirmButton('Rename')).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(confirmed).toEqual([]);

    await user.clear(field);
    await user.type(field, 'billing_old');
    await waitFor(() => expect(confirmButton('Rename')).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(confirmButton('Rename'));
    expect(confirmed).toEqual([{ kind: 'rename', from: 'biling', to: 'billing_old' }]);
  });

  it('a merge into a protected tag is neither offered nor accepted when typed', async () => {
    const { confirmed, user } = openDialog('merge', 'biling');
    const into = await screen.findByRole('combobox', { name: 'Merge into' });
    await user.type(into, 's');
    expect(screen.queryByRole('option', { name: 'sla_breach' })).toBeNull();
    await user.clear(into);
    await user.type(into, 'v');
    expect(screen.queryByRole('option', { name: 'vip' })).toBeNull();
    await user.type(into, 'ip');
    expect(await screen.findByRole('alert')).toHaveTextContent(REFUSAL('vip'));
    await screen.findByText(/tickets carry biling/);
    expect(confirmButton('Merge')).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(confirmed).toEqual([]);

    await user.clear(into);
    await user.type(into, 'billing');
    await waitFor(() => expect(confirmButton('Merge')).toBeEnabled());
    await user.click(confirmButton('Merge'));
    expect(confirmed).toEqual([{ kind: 'merge', from: 'biling', to: 'billing' }]);
  });

  it('the table marks protected tags with a lock naming the reason', () => {
    const state = { tags: TAGS, loading: false, total: TAGS.length, error: undefined, reload: () => {} };
    render(wrap(<AccountTagsTable state={state} canChange isProtected={isProtected} onAction={() => {}} />));
    const table = screen.getByRole('table', { name: 'Account tags' });
    const locks = [...table.querySelectorAll('[data-protected]')].map((lock) => lock.closest('tr')?.querySelector('td')?.textContent);
    expect(locks.sort()).toEqual(['sla_breach', 'vip']);
    expect(screen.getAllByRole('img', { name: "Protected: Set by an automation; Tagwise won't change it" })).toHaveLength(2);
    // One header cell per column (a sortable cell is one itself), saying how the rows are sorted.
    expect(screen.getByRole('columnheader', { name: 'Tickets' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Tag' })).toHaveAttribute('aria-sort', 'none');
  });
});
