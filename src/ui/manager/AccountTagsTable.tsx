import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Progress } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, SortableCell, Table } from '@zendeskgarden/react-tables';
import { normaliseTag } from '../../domain/normalize';
import { useTranslator } from '../../i18n';
import type { AccountTag } from '../../zendesk/bulkApi';
import { ProtectedLock } from '../rules/ProtectedLock';
import type { AccountTagsState } from './useAccountTags';
import { RowActions, SubtleNote } from './RowActions';

export type TagAction = 'rename' | 'merge' | 'delete';

/** Rows rendered at once: 20,000 rows of buttons would freeze the page; the search narrows. */
export const MAX_ROWS = 200;

type SortKey = 'name' | 'count';
type Direction = 'asc' | 'desc';

const Bar = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.sm};
  align-items: flex-end;
  margin-bottom: ${(p) => p.theme.space.sm};
`;



export function sortTags(tags: readonly AccountTag[], key: SortKey, direction: Direction): AccountTag[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...tags].sort((a, b) =>
    key === 'name' ? sign * (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : sign * (a.count - b.count) || (a.name < b.name ? -1 : 1),
  );
}

interface Props {
  readonly state: AccountTagsState;
  readonly canChange: boolean;
  /** A run is going: the actions wait for it. */
  readonly busy?: boolean;
  /** Protected tags (settings): marked with a lock; their dialogs say why nothing can be done. */
  readonly isProtected?: (tag: string) => boolean;
  readonly onAction: (action: TagAction, tag: AccountTag) => void;
}

export function AccountTagsTable({ state, canChange, busy = false, isProtected = () => false, onAction }: Props) {
  const { t } = useTranslator();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'count', direction: 'desc' });
  const prefix = normaliseTag(text);
  const matching = useMemo(() => {
    const found = prefix ? state.tags.filter((tag) => tag.name.startsWith(prefix)) : state.tags;
    return sortTags(found, sort.key, sort.direction);
  }, [state.tags, prefix, sort]);
  const shown = matching.slice(0, MAX_ROWS);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'name' ? 'asc' : 'desc' }));
  const loadedShare = state.total ? Math.min(100, Math.round((100 * state.tags.length) / Math.max(1, state.total))) : undefined;

  return (
    <section>
      <Bar>
        <Field style={{ flex: 1 }}>
          <Field.Label>{t('tagwise.manager.list.search')}</Field.Label>
          <Field.Hint>{t('tagwise.manager.list.searchHint')}</Field.Hint>
          <Input type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
      </Bar>
      {state.loading && (
        <div>
          <Progress value={loadedShare ?? 0} aria-label={t('tagwise.manager.list.loading')} />
          <SubtleNote role="status">{t('tagwise.manager.list.loaded', { done: state.tags.length, total: state.total ?? '…' })}</SubtleNote>
        </div>
      )}
      {state.error && (
        <Alert type="error" role="alert">
          <Alert.Paragraph>{t('tagwise.manager.list.failed', { reason: state.error })}</Alert.Paragraph>
          <Button size="small" onClick={state.reload}>
            {t('tagwise.manager.list.retry')}
          </Button>
        </Alert>
      )}
      <Table aria-label={t('tagwise.manager.list.label')} size="small">
        <Head>
          <HeaderRow>
            {/* A sortable cell is a header cell itself (it sets aria-sort); wrapped in one it would nest th in th. */}
            <SortableCell sort={sort.key === 'name' ? sort.direction : undefined} onClick={() => toggle('name')}>
              {t('tagwise.manager.list.tag')}
            </SortableCell>
            <SortableCell sort={sort.key === 'count' ? sort.direction : undefined} width="20%" onClick={() => toggle('count')}>
              {t('tagwise.manager.list.tickets')}
            </SortableCell>
            {canChange && <HeaderCell width="40%">{t('tagwise.manager.list.actions')}</HeaderCell>}
          </HeaderRow>
        </Head>
        <Body>
          {shown.map((tag) => (
            <Row key={tag.name}>
              <Cell isTruncated>
                {tag.name}
                {isProtected(tag.name) && <ProtectedLock />}
              </Cell>
              <Cell>{tag.count}</Cell>
              {canChange && (
                <Cell>
                  <RowActions tag={tag.name} disabled={busy} onAction={(action) => onAction(action, tag)} />
                </Cell>
              )}
            </Row>
          ))}
        </Body>
      </Table>
      {!state.loading && !state.error && state.tags.length === 0 && <SubtleNote>{t('tagwise.manager.list.empty')}</SubtleNote>}
      {!state.loading && prefix && matching.length === 0 && state.tags.length > 0 && <SubtleNote role="status">{t('tagwise.manager.list.noMatch', { text: prefix })}</SubtleNote>}
      {matching.length > MAX_ROWS && <SubtleNote>{t('tagwise.manager.list.shown', { shown: MAX_ROWS, total: matching.length })}</SubtleNote>}
      <SubtleNote>{t('tagwise.manager.list.countsNote')}</SubtleNote>
    </section>
  );
}
