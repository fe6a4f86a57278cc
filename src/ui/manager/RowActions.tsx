import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { Button } from '@zendeskgarden/react-buttons';
import { useTranslator } from '../../i18n';
import type { TagAction } from './AccountTagsTable';

const Actions = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.xs};
  justify-content: flex-end;
`;

/** A line of secondary text under a table (what the list holds, why it is read-only). */
export const SubtleNote = styled.p`
  margin: ${(p) => p.theme.space.xs} 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

/** A row's buttons "Rename <tag>", "Merge <tag>", "Delete <tag>". */
export function RowActions({ tag, disabled = false, onAction }: { tag: string; disabled?: boolean; onAction: (action: TagAction) => void }) {
  const { t } = useTranslator();
  return (
    <Actions>
      {(['rename', 'merge', 'delete'] as const).map((action) => (
        <Button key={action} size="small" isDanger={action === 'delete'} disabled={disabled} aria-label={t(`tagwise.manager.action.${action}`, { tag })} onClick={() => onAction(action)}>
          {t(`tagwise.manager.confirm.${action}`)}
        </Button>
      ))}
    </Actions>
  );
}
