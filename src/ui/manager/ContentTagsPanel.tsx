import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import type { ApiError } from '../../domain/errors';
import { useTranslator } from '../../i18n';
import type { ZafClient } from '../../zaf/client';
import { createContentTagsApi, type ContentTag } from '../../zendesk/contentTagsApi';
import type { TagAction } from './AccountTagsTable';
import { ContentTagDialog } from './ContentTagDialog';
import { useContentTags } from './useContentTags';
import { RowActions, SubtleNote } from './RowActions';

const Bar = styled.div`
  margin-bottom: ${(p) => p.theme.space.sm};
`;



const Said = styled.p`
  margin: 0 0 ${(p) => p.theme.space.sm};
`;

interface Props {
  readonly client: ZafClient;
  /** Zendesk admins manage Guide; others see the content tags read-only. */
  readonly isAdmin: boolean;
}

/** The "Content tags" tab: Guide's content tags, by name prefix; rename, merge and delete for Guide managers. */
export function ContentTagsPanel({ client, isAdmin }: Props) {
  const { t } = useTranslator();
  const api = useMemo(() => createContentTagsApi(client), [client]);
  const [text, setText] = useState('');
  const prefix = text.trim();
  const state = useContentTags(api, prefix);
  const [dialog, setDialog] = useState<{ action: TagAction; tag: ContentTag } | null>(null);
  const [said, setSaid] = useState<string | undefined>();
  const [refused, setRefused] = useState<ApiError | undefined>();
  const canChange = isAdmin && refused === undefined;

  const open = (action: TagAction, tag: ContentTag) => {
    setSaid(undefined);
    setDialog({ action, tag });
  };

  return (
    <section>
      {!isAdmin && <Said role="note">{t('tagwise.manager.content.readOnly')}</Said>}
      {refused && <Said role="alert">{t('tagwise.manager.content.refused', { reason: refused.message })}</Said>}
      {said && <Said role="status">{said}</Said>}
      <Bar>
        <Field>
          <Field.Label>{t('tagwise.manager.content.search')}</Field.Label>
          <Field.Hint>{t('tagwise.manager.content.searchHint')}</Field.Hint>
          <Input type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </Field>
      </Bar>
      {state.error && (
        <Alert type="error" role="alert">
          <Alert.Paragraph>{t('tagwise.manager.content.loadFailed', { reason: state.error })}</Alert.Paragraph>
          <Button size="small" onClick={state.reload}>
            {t('tagwise.manager.content.retry')}
          </Button>
        </Alert>
      )}
      <Table aria-label={t('tagwise.manager.content.label')} size="small">
        <Head>
          <HeaderRow>
            <HeaderCell>{t('tagwise.manager.content.name')}</HeaderCell>
            {canChange && <HeaderCell width="40%">{t('tagwise.manager.list.actions')}</HeaderCell>}
          </HeaderRow>
        </Head>
        <Body>
          {state.tags.map((tag) => (
            <Row key={tag.id}>
              <Cell isTruncated>{tag.name}</Cell>
              {canChange && (
                <Cell>
                  <RowActions tag={tag.name} onAction={(action) => open(action, tag)} />
                </Cell>
              )}
            </Row>
          ))}
        </Body>
      </Table>
      {state.loading && <Dots aria-label={t('tagwise.manager.content.loading')} />}
      {!state.loading && !state.error && state.tags.length === 0 && (
        <SubtleNote role="status">{prefix ? t('tagwise.manager.content.noMatch', { text: prefix }) : t('tagwise.manager.content.empty')}</SubtleNote>
      )}
      {state.total !== undefined && state.tags.length > 0 && <SubtleNote>{t('tagwise.manager.content.shown', { shown: state.tags.length, total: state.total })}</SubtleNote>}
      {state.hasMore && !state.loading && (
        <Button size="small" onClick={state.more}>
          {t('tagwise.manager.content.more')}
        </Button>
      )}
      {dialog && (
        <ContentTagDialog
          action={dialog.action}
          tag={dialog.tag}
          shown={state.tags}
          api={api}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setSaid(message);
            state.reload();
          }}
          onForbidden={(error) => {
            setDialog(null);
            setRefused(error);
          }}
        />
      )}
    </section>
  );
}
