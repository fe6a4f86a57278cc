/**
 * TEST HELPER. Renders one TagPanel over the REAL Zendesk API module and the REAL sync
 * engine, talking to a fake ZafClient (an in-memory Zendesk).
 */
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { RecordRef } from '../../domain/record';
import { createSyncEngine } from '../../domain/sync/engine';
import type { RetryPolicy } from '../../domain/sync/retryPolicy';
import type { RecordHandle } from '../../domain/sync/view';
import { I18nProvider, englishTranslator, type Translator } from '../../i18n';
import { createZendeskApi } from '../../zendesk/api';
import type { SuggestionSource } from '../addField/suggestionSource';
import { parseTagRules } from '../../domain/rules';
import { TagRulesProvider } from '../rules/TagRulesContext';
import { TagPanel } from '../panel/TagPanel';
import { createFakeZafClient, type FakeFailure, type FakeZafClient, type FakeZafClientOptions } from './fakeZafClient';

/** Fast but otherwise real retry behaviour: no coalescing wait, one quick retry. */
export const FAST_POLICY: Partial<RetryPolicy> = { coalesceMs: 0, backoffMs: [1], maxConflictRetries: 3 };

export interface PanelSetup {
  readonly client: FakeZafClient;
  readonly handle: RecordHandle;
  readonly source: SuggestionSource;
  readonly user: ReturnType<typeof userEvent.setup>;
  readonly result: RenderResult;
  /** Calls to popularTags. */
  readonly popularCalls: () => number;
}

export function renderPanel(
  options: FakeZafClientOptions & {
    ref?: RecordRef;
    title?: string;
    policy?: Partial<RetryPolicy>;
    sleep?: (ms: number) => Promise<void>;
    translator?: Translator;
    /** Replaces the API-backed suggestion source. */
    source?: SuggestionSource;
    /** Failures queued before the panel's first read. */
    failures?: readonly (FakeFailure | number)[];
  } = {},
): PanelSetup {
  const client = createFakeZafClient(options);
  for (const failure of options.failures ?? []) client.failNext(failure);
  const api = createZendeskApi(client);
  const engine = createSyncEngine({
    backend: api,
    policy: { ...FAST_POLICY, ...options.policy },
    random: () => 0.5,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const ref: RecordRef =
    options.ref ??
    (options.ticket
      ? { kind: 'ticket', id: options.ticket.id }
      : options.user
        ? { kind: 'user', id: options.user.id }
        : { kind: 'organization', id: options.organization?.id ?? 1 });
  const handle = engine.open(ref);
  let popular = 0;
  const base: SuggestionSource = options.source ?? { autocomplete: (prefix) => api.autocomplete(prefix), popularTags: () => api.popularTags() };
  const source: SuggestionSource = {
    ...(base.recent ? { recent: base.recent } : {}),
    autocomplete: (prefix) => base.autocomplete(prefix),
    popularTags: () => {
      popular += 1;
      return base.popularTags();
    },
  };
  const user = userEvent.setup();
  const title = options.title ?? (ref.kind === 'ticket' ? 'Ticket tags' : ref.kind === 'user' ? 'User tags' : 'Organization tags');
  const result = render(
    <ThemeProvider>
      <I18nProvider translator={options.translator ?? englishTranslator}>
        <TagRulesProvider value={parseTagRules(options.settings ?? {})}>
          <TagPanel handle={handle} title={title} suggestions={source} />
        </TagRulesProvider>
      </I18nProvider>
    </ThemeProvider>,
  );
  return { client, handle, source, user, result, popularCalls: () => popular };
}
