import { useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { Tabs } from '@zendeskgarden/react-tabs';
import { createManagerServices } from '../../app/managerServices';
import type { TagOperation } from '../../domain/bulk/operation';
import { protectedTagIn } from '../../domain/bulk/targetName';
import { I18nProvider, useTranslator, type Translator } from '../../i18n';
import { withManagerMessages } from '../../i18n/manager/load';
import { LoadingTags } from '../panel/LoadingTags';
import type { PageViewProps } from '../LocationView';
import { useTagRules } from '../rules/TagRulesContext';
import type { AccountTag } from '../../zendesk/bulkApi';
import { AccountTagsTable, type TagAction } from './AccountTagsTable';
import { ContentTagsPanel } from './ContentTagsPanel';
import { RunPanel } from './RunPanel';
import { TagActionDialog } from './TagActionDialog';
import { useAccountTags } from './useAccountTags';
import { useTagRun } from './useTagRun';

const Page = styled.main`
  padding: ${(p) => p.theme.space.md} ${(p) => p.theme.space.lg};
  max-width: 1100px;
`;

const Heading = styled.h1`
  margin: 0 0 ${(p) => p.theme.space.sm};
  font-size: ${(p) => p.theme.fontSizes.xl};
`;

const Note = styled.p`
  margin: 0 0 ${(p) => p.theme.space.md};
`;

/** The nav_bar location, in the agent's language once the page's own messages are in. */
export default function TagManagerPage({ client }: PageViewProps) {
  const base = useTranslator();
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    let live = true;
    void withManagerMessages(base).then((ready) => live && setTranslator(ready));
    return () => {
      live = false;
    };
  }, [base]);
  if (!translator) return <LoadingTags />;
  return (
    <I18nProvider translator={translator}>
      <TagManager client={client} />
    </I18nProvider>
  );
}

/** The account's tags, and renaming, merging and deleting them. */
function TagManager({ client }: PageViewProps) {
  const { t } = useTranslator();
  const services = useMemo(() => createManagerServices(client), [client]);
  const [isAdmin, setIsAdmin] = useState<boolean | null>(null);
  const tags = useAccountTags(services.api);
  const run = useTagRun(services, isAdmin === true);
  const [dialog, setDialog] = useState<{ action: TagAction; tag: AccountTag } | null>(null);
  const { protectedTags } = useTagRules().rules;
  const [tab, setTab] = useState<'tickets' | 'content'>('tickets');

  useEffect(() => {
    let live = true;
    services.isAdmin().then(
      (admin) => live && setIsAdmin(admin),
      () => live && setIsAdmin(false),
    );
    return () => {
      live = false;
    };
  }, [services]);

  const confirm = (op: TagOperation, expectedTotal: number, owners: boolean) => {
    // The dialog already refuses these; a protected tag is never sent, whatever asks for it.
    if (protectedTagIn(op, protectedTags.isProtected) !== null) return;
    setDialog(null);
    run.start(op, expectedTotal, owners);
  };

  const ticketTags = (
    <>
      {isAdmin === false && <Note role="note">{t('tagwise.manager.readOnly')}</Note>}
      {run.resumeError && <Note role="alert">{t('tagwise.manager.run.resumeFailed', { reason: run.resumeError })}</Note>}
      {run.busy && dialog === null && run.record === null && <Note role="status">{t('tagwise.manager.run.busy')}</Note>}
      {run.record && <RunPanel record={run.record} busy={run.busy} onRetry={run.retryFailed} onUndo={run.undo} />}
      <AccountTagsTable
        state={tags}
        canChange={isAdmin === true}
        busy={run.busy}
        isProtected={protectedTags.isProtected}
        onAction={(action, tag) => setDialog({ action, tag })}
      />
      {dialog && (
        <TagActionDialog
          action={dialog.action}
          tag={dialog.tag.name}
          tags={tags.tags}
          api={services.api}
          isProtected={protectedTags.isProtected}
          onClose={() => setDialog(null)}
          onConfirm={confirm}
        />
      )}
    </>
  );

  return (
    <Page>
      <Heading>{t('tagwise.manager.title')}</Heading>
      <Tabs selectedItem={tab} onChange={(item: unknown) => setTab(item === 'content' ? 'content' : 'tickets')}>
        <Tabs.TabList>
          <Tabs.Tab item="tickets">{t('tagwise.manager.tabs.tickets')}</Tabs.Tab>
          <Tabs.Tab item="content">{t('tagwise.manager.tabs.content')}</Tabs.Tab>
        </Tabs.TabList>
        <Tabs.TabPanel item="tickets">{ticketTags}</Tabs.TabPanel>
        {/* Guide is asked only when the admin opens the tab. */}
        <Tabs.TabPanel item="content">{tab === 'content' && isAdmin !== null && <ContentTagsPanel client={client} isAdmin={isAdmin} />}</Tabs.TabPanel>
      </Tabs>
    </Page>
  );
}
