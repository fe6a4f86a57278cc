import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import styled, { css } from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { tagOrigins, type ProvenanceSources } from '../../domain/provenance';
import type { RecordHandle, TagView } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { AddTagsField, type AddTagsFieldApi } from '../addField/AddTagsField';
import { GardenIcon } from '../icons/GardenIcon';
import { isForbiddenNotice, NoticeList } from '../notices/NoticeList';
import { SyncStatusNote } from '../notices/SyncStatusNote';
import { LoadFailed, LoadingTags, NoTags, ReadOnlyNote } from './PanelStates';
import type { SuggestionSource } from '../addField/suggestionSource';
import { RemovalAdvice, useRemovalAdvice, type TicketOwners } from './RemovalAdvice';
import { useTagRules } from '../rules/TagRulesContext';
import { TagList, type TagListApi } from './TagList';
import type { FieldsKnown } from '../locations/useTicketProvenance';
import { useCollapsed } from './useCollapsed';
import { useRecordView } from './useRecordView';
import { useShownTags } from './useShownTags';
import { VisuallyHidden } from '../VisuallyHidden';

// Long tag names in sentences (errors, notices) wrap inside the panel. Empty notice areas
// (the status region stays for screen readers) take no room.
// Spacing between children says :not(:first-child), not "* + *": a universal sibling rule makes
// the browser restyle every following sibling's subtree, the whole tag grid included, each time
// an element is added or removed anywhere. :where() keeps the old rule's specificity.
const Section = styled.section`
  padding: ${(p) => p.theme.space.sm} 0;
  overflow-wrap: anywhere;

  & > :where(:not(:first-child)) {
    margin-top: ${(p) => p.theme.space.sm};
  }

  & > :empty {
    margin-top: 0;
  }

  & + & {
    border-top: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  }
`;

const Heading = styled.h2`
  margin: 0;
  font-size: ${(p) => p.theme.fontSizes.md};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

/** The group's name and count, full width, at least 24 px tall (WCAG 2.2's minimum target). */
const headerRow = css`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
  width: 100%;
  min-height: 24px;
`;

const Title = styled.span`
  ${headerRow}
`;

/** The group's name as a disclosure button (Enter and Space toggle it, as any button). */
const Disclosure = styled.button.attrs({ type: 'button' })`
  ${headerRow}
  border: none;
  background: none;
  padding: 0 ${(p) => p.theme.space.xxs};
  font: inherit;
  color: inherit;
  text-align: start;
  cursor: pointer;
  border-radius: ${(p) => p.theme.borderRadii.md};

  &:focus {
    outline: none;
  }

  &:focus-visible {
    box-shadow: 0 0 0 2px ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
  }

  &:hover {
    background: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
  }
`;

const Name = styled.span`
  display: inline-flex;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
`;

const Chevron = styled(GardenIcon)<{ $open: boolean }>`
  transform: rotate(${(p) => (p.$open ? '0deg' : p.theme.rtl ? '90deg' : '-90deg')});
  transition: transform 0.15s;

  @media (prefers-reduced-motion: reduce) {
    transition: none;
  }
`;

const Body = styled.div`
  & > :where(:not(:first-child)) {
    margin-top: ${(p) => p.theme.space.sm};
  }

  &[hidden] {
    display: none;
  }
`;

const Count = styled.span`
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.regular};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  white-space: nowrap;
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
  /** Ticket panels: the requester's and organization's handles, to offer removing a tag there too. */
  readonly owners?: TicketOwners;
  /** Makes the group collapsible; the choice is remembered per kind ("ticket", "requester"...). */
  readonly collapseKind?: string;
  /** Shown only: no add field, no remove buttons (another record's tags, for context). */
  readonly viewOnly?: boolean;
  /** The add field's name, e.g. "Add tags to ticket"; "Add tags" when absent. */
  readonly addLabel?: string;
  /** Below the heading, e.g. a link to the record. */
  readonly lead?: ReactNode;
  /** Ticket panels: whether the ticket fields' tag options are known yet. */
  readonly fieldsKnown?: FieldsKnown;
}

/** The tags' names, the same array for as long as they are the same names (a save changes only states). */
function useTagNames(tags: readonly TagView[]): readonly string[] {
  const last = useRef<readonly string[]>([]);
  const same = tags.length === last.current.length && tags.every((tag, i) => tag.name === last.current[i]);
  if (!same) last.current = tags.map((tag) => tag.name);
  return last.current;
}

/** One record's tags: see them, add them, remove them, and know what happened. */
export function TagPanel({ handle, title, suggestions, provenance, onEngage, owners, collapseKind, viewOnly = false, lead, addLabel, fieldsKnown = 'ready' }: TagPanelProps) {
  const { t } = useTranslator();
  const view = useRecordView(handle);
  const list = useRef<TagListApi>(null);
  const field = useRef<AddTagsFieldApi>(null);
  const bodyId = useId();
  const rules = useTagRules().rules;
  const [collapsed, toggle] = useCollapsed(collapseKind, rules.collapseOwnerGroups && (collapseKind === 'requester' || collapseKind === 'organization'));
  const editable = view.phase === 'ready' && !view.readOnly && !viewOnly;
  const names = useTagNames(view.tags);
  const shown = useShownTags(view.tags, view.phase === 'ready');
  const origins = useMemo(() => (provenance ? tagOrigins(names, provenance) : undefined), [provenance, names]);
  const advice = useRemovalAdvice();
  const locked = rules.protectedTags;
  const remove = (name: string) => {
    if (locked.isProtected(name)) return;
    handle.remove([name]);
    // Before the ticket fields are in, the warning cannot be known yet: it follows, or says
    // it could not check, rather than staying silent.
    advice.note(name, origins?.get(name), origins && fieldsKnown !== 'ready' ? (fieldsKnown === 'failed' ? 'failed' : 'checking') : 'done');
  };
  // Stable, so that the memoised field does not render again with every change of the view.
  const add = useCallback(
    (tags: readonly string[]) => {
      handle.add(tags);
      suggestions?.recent?.add(tags);
    },
    [handle, suggestions],
  );
  const focusLastTag = useCallback(() => void list.current?.focusLast(), []);
  const { settleFields } = advice;
  useEffect(() => {
    if (!provenance || fieldsKnown === 'loading') return;
    settleFields((tag) => tagOrigins([tag], provenance).get(tag), fieldsKnown === 'failed');
  }, [provenance, fieldsKnown, settleFields]);
  // A refused change already says why in one line: no second sentence repeating the reason.
  const forbiddenShown = view.notices.some(isForbiddenNotice);
  const loadForbidden = view.phase === 'error' && view.loadError?.kind === 'forbidden';
  const countText = view.phase === 'ready' ? t('tagwise.panel.count', { count: shown.length }) : null;
  // The comma ends the name's own text: between two flex items a reader would put a space
  // before it ("Ticket tags , 2 tags").
  const comma = countText !== null && <VisuallyHidden>,</VisuallyHidden>;
  const count = countText !== null && <Count>{countText}</Count>;
  // The heading names the group and its count: "Ticket tags, 6 tags".
  const headingName = countText === null ? title : `${title}, ${countText}`;

  return (
    <Section
      aria-label={title}
      aria-busy={view.phase === 'loading' || undefined}
      data-record={`${view.ref.kind}:${view.ref.id}`}
      onPointerEnter={onEngage}
      onFocus={onEngage}
    >
      <Heading aria-label={headingName}>
        {collapseKind ? (
          <Disclosure aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle}>
            <Name>
              <Chevron name="chevronDown" $open={!collapsed} />
              {title}
              {comma}
            </Name>
            {count}
          </Disclosure>
        ) : (
          <Title>
            <Name>
              {title}
              {comma}
            </Name>
            {count}
          </Title>
        )}
      </Heading>
      <Body id={bodyId} hidden={collapsed}>
      {lead}
      {view.phase === 'loading' && <LoadingTags />}
      {view.phase === 'error' && view.loadError && !loadForbidden && <LoadFailed error={view.loadError} onRetry={() => void handle.refresh()} />}
      {view.phase === 'ready' &&
        (shown.length === 0 ? (
          <NoTags />
        ) : (
          <TagList
            ref={list}
            label={t('tagwise.panel.list')}
            tags={shown}
            origins={origins}
            removable={editable}
            onRemove={remove}
            onRetry={(name) => handle.retry([name])}
            onExit={() => field.current?.focus()}
          />
        ))}
      {view.readOnly && !forbiddenShown && <ReadOnlyNote reason={view.readOnly} />}
      {editable && (
        <AddTagsField
          ref={field}
          present={names}
          source={suggestions}
          label={addLabel ?? t('tagwise.add.label')}
          onAdd={add}
          onBackspaceEmpty={focusLastTag}
          onLeaveStart={focusLastTag}
        />
      )}
      </Body>
      <SyncStatusNote view={view} />
      <NoticeList
        handle={handle}
        notices={view.notices}
        readOnly={view.readOnly !== undefined}
        // The Undo button goes with its notice: focus goes to the tag Undo brought back, or
        // to the field when Undo took the added tags away.
        onUndo={(change) => {
          const restored = change.op === 'remove' ? change.tags[0] : undefined;
          if (restored !== undefined) list.current?.focusTag(restored);
          else field.current?.focus();
        }}
      />
      {origins && <RemovalAdvice advice={advice.advice} owners={owners} onRemoved={advice.markRemoved} onDismiss={advice.dismiss} />}
    </Section>
  );
}
