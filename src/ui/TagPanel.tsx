import { useMemo, useRef } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { tagOrigins, type ProvenanceSources } from '../domain/provenance';
import type { RecordHandle } from '../domain/sync/view';
import { useTranslator } from '../i18n';
import { AddTagsField, type AddTagsFieldApi } from './AddTagsField';
import { NoticeList } from './NoticeList';
import { LoadFailed, LoadingTags, NoTags, ReadOnlyNote } from './PanelStates';
import type { SuggestionSource } from './suggestionSource';
import { TagList, type TagListApi } from './TagList';
import { useRecordView } from './useRecordView';

const Section = styled.section`
  padding: ${(p) => p.theme.space.sm} 0;

  & > * + * {
    margin-top: ${(p) => p.theme.space.sm};
  }

  /* Empty notice areas (the status region stays for screen readers) take no room. */
  & > :empty {
    margin-top: 0;
  }

  & + & {
    border-top: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  }
`;

const Header = styled.header`
  display: flex;
  align-items: baseline;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`;

const Title = styled.span`
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const Count = styled.h2`
  margin: 0;
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.regular};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

export interface TagPanelProps {
  readonly handle: RecordHandle;
  /** Names the region, e.g. "Ticket tags". */
  readonly title: string;
  readonly suggestions?: SuggestionSource;
  /** Ticket panels: where tags come from (requester, organization, ticket fields). */
  readonly provenance?: ProvenanceSources;
  /** The agent reached for the panel (pointer or focus): a moment to load what only helps then. */
  readonly onEngage?: () => void;
}

/** One record's tags: see them, add them, remove them, and know what happened. */
export function TagPanel({ handle, title, suggestions, provenance, onEngage }: TagPanelProps) {
  const { t } = useTranslator();
  const view = useRecordView(handle);
  const list = useRef<TagListApi>(null);
  const field = useRef<AddTagsFieldApi>(null);
  const editable = view.phase === 'ready' && !view.readOnly;
  const names = useMemo(() => view.tags.map((tag) => tag.name), [view.tags]);
  const origins = useMemo(() => (provenance ? tagOrigins(names, provenance) : undefined), [provenance, names]);

  return (
    <Section
      aria-label={title}
      aria-busy={view.phase === 'loading' || undefined}
      data-record={`${view.ref.kind}:${view.ref.id}`}
      onPointerEnter={onEngage}
      onFocus={onEngage}
    >
      <Header>
        <Title>{title}</Title>
        {view.phase === 'ready' && <Count>{t('tagwise.panel.count', { count: view.tags.length })}</Count>}
      </Header>
      {view.phase === 'loading' && <LoadingTags />}
      {view.phase === 'error' && view.loadError && <LoadFailed error={view.loadError} onRetry={() => void handle.refresh()} />}
      {view.phase === 'ready' &&
        (view.tags.length === 0 ? (
          <NoTags />
        ) : (
          <TagList
            ref={list}
            label={t('tagwise.panel.list')}
            tags={view.tags}
            origins={origins}
            removable={editable}
            onRemove={(name) => handle.remove([name])}
            onRetry={handle.retry}
            onExit={() => field.current?.focus()}
          />
        ))}
      {view.readOnly && view.phase !== 'error' && <ReadOnlyNote reason={view.readOnly} />}
      {editable && (
        <AddTagsField
          ref={field}
          present={names}
          source={suggestions}
          onAdd={(tags) => handle.add(tags)}
          onBackspaceEmpty={() => list.current?.focusLast()}
          onLeaveStart={() => list.current?.focusLast()}
        />
      )}
      <NoticeList handle={handle} notices={view.notices} />
    </Section>
  );
}
