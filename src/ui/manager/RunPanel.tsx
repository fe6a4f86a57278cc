import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { Progress } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { countRows, orderRows, toCsv } from '../../domain/bulk/results';
import { useTranslator } from '../../i18n';
import { downloadText } from './download';
import { recordText, rowText, runTitle } from './rowText';
import type { RunRecord } from './useTagRun';

/** Rows rendered at once; the CSV holds every one. */
export const MAX_RESULT_ROWS = 500;

const Box = styled.section`
  margin: ${(p) => p.theme.space.md} 0;
  padding: ${(p) => p.theme.space.md};
  border: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
`;

const Title = styled.h2`
  margin: 0 0 ${(p) => p.theme.space.sm};
  font-size: ${(p) => p.theme.fontSizes.lg};
`;

const Line = styled.p`
  margin: ${(p) => p.theme.space.xs} 0;
`;

const Buttons = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.sm};
  margin: ${(p) => p.theme.space.sm} 0;
`;

interface Props {
  readonly record: RunRecord;
  readonly busy: boolean;
  readonly onRetry: () => void;
  readonly onUndo: () => void;
}

export function RunPanel({ record, busy, onRetry, onUndo }: Props) {
  const { t } = useTranslator();
  const base = runTitle(t, record.op);
  const title = record.purpose === 'undo' ? t('tagwise.manager.run.undo', { title: base }) : base;
  const active = record.active;
  const view = active?.view;
  const all = [...record.rows, ...record.ownerRows];
  const counts = countRows(all);
  const ordered = orderRows(all);
  const shown = ordered.slice(0, MAX_RESULT_ROWS);
  const running = busy && view !== undefined && view.phase !== 'done' && view.phase !== 'stopped';
  const percent = view && view.total > 0 ? Math.round((100 * view.done) / view.total) : 0;

  const download = () => {
    const header = [t('tagwise.manager.results.csvTicket'), t('tagwise.manager.results.csvStatus'), t('tagwise.manager.results.csvMessage')] as const;
    const csv = toCsv(all, header, (row) => ({ record: recordText(t, row), ...rowText(t, row, record.op) }));
    const name = `tagwise-${record.purpose}-${(record.op?.from ?? 'run').replace(/[^\w.-]+/g, '_')}.csv`;
    downloadText(name, csv);
  };

  return (
    <Box aria-label={title || t('tagwise.manager.results.label')}>
      {title && <Title>{title}</Title>}
      {record.resumed && <Line role="note">{t('tagwise.manager.run.resumed')}</Line>}
      {running && view && (
        <>
          <Progress value={percent} aria-label={t('tagwise.manager.run.progress')} aria-valuetext={`${view.done} / ${view.total}`} />
          <Line role="status">
            {view.phase === 'finding' ? t('tagwise.manager.run.finding', { done: view.done, total: view.total }) : t('tagwise.manager.run.changing', { done: view.done, total: view.total })}
          </Line>
          {view.waitingSeconds !== undefined && <Line role="status">{t('tagwise.manager.run.waiting', { seconds: view.waitingSeconds })}</Line>}
        </>
      )}
      {busy && record.ownerProgress && (
        <>
          <Progress value={record.ownerProgress.total ? Math.round((100 * record.ownerProgress.done) / record.ownerProgress.total) : 0} aria-label={t('tagwise.manager.run.owners')} />
          <Line role="status">{t('tagwise.manager.run.ownersProgress', record.ownerProgress)}</Line>
        </>
      )}
      {!busy && record.phase === 'done' && <Line role="status">{t('tagwise.manager.run.done', counts)}</Line>}
      {!busy && record.phase === 'stopped' && (
        <Alert type="warning" role="alert">
          <Alert.Paragraph>{t('tagwise.manager.run.stopped', { reason: record.error ?? '' })}</Alert.Paragraph>
        </Alert>
      )}
      {record.unknownRest && <Line role="note">{t('tagwise.manager.run.unknownRest')}</Line>}
      {all.length > 0 && (
        <>
          <Buttons>
            {counts.failed > 0 && record.op && (
              <Button size="small" disabled={busy} onClick={onRetry}>
                {t('tagwise.manager.results.retry')}
              </Button>
            )}
            {record.purpose === 'run' && counts.updated > 0 && record.op && (
              <Button size="small" disabled={busy} onClick={onUndo} title={t('tagwise.manager.results.undoHint')}>
                {t('tagwise.manager.results.undo')}
              </Button>
            )}
            <Button size="small" isBasic onClick={download}>
              {t('tagwise.manager.results.download')}
            </Button>
          </Buttons>
          <Table aria-label={t('tagwise.manager.results.label')} size="small">
            <Head>
              <HeaderRow>
                <HeaderCell width="15%">{t('tagwise.manager.results.ticket')}</HeaderCell>
                <HeaderCell width="15%">{t('tagwise.manager.results.status')}</HeaderCell>
                <HeaderCell>{t('tagwise.manager.results.message')}</HeaderCell>
              </HeaderRow>
            </Head>
            <Body>
              {shown.map((row) => {
                const text = rowText(t, row, record.op);
                return (
                  <Row key={`${row.kind ?? 'ticket'}:${row.id}`} data-status={row.status}>
                    <Cell>{recordText(t, row)}</Cell>
                    <Cell>{text.status}</Cell>
                    <Cell>{text.message}</Cell>
                  </Row>
                );
              })}
            </Body>
          </Table>
          {ordered.length > MAX_RESULT_ROWS && <Line>{t('tagwise.manager.results.more', { shown: MAX_RESULT_ROWS, total: ordered.length })}</Line>}
        </>
      )}
    </Box>
  );
}
