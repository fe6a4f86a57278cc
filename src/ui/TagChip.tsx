import { forwardRef, memo, type KeyboardEvent } from 'react';
import styled from 'styled-components';
import { Tag } from '@zendeskgarden/react-tags';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagOrigin } from '../domain/provenance';
import type { TagView } from '../domain/sync/view';
import { useTranslator } from '../i18n';
import { InlineButton } from './InlineButton';
import { ProtectedLock } from './rules/ProtectedLock';
import { useTagRules } from './rules/TagRulesContext';
import { useTagDescription } from './rules/useTagDescription';
import { SyncIndicator } from './SyncIndicator';
import { TagOriginMarker } from './TagOriginMarker';

const Item = styled.li`
  display: inline-flex;
  align-items: center;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
  max-width: 100%;
  position: relative;
`;

const Chip = styled(Tag)<{ $pending: boolean }>`
  max-width: 100%;
  opacity: ${(p) => (p.$pending ? 0.6 : 1)};
  transition: opacity 0.2s;

  &:focus-visible,
  &[data-selected='true'] {
    outline: 2px solid ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
    outline-offset: 1px;
  }
`;

const Name = styled.span<{ $struck: boolean }>`
  text-decoration: ${(p) => (p.$struck ? 'line-through' : 'none')};
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

const Failed = styled.span`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

const VisuallyHidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

export interface TagChipProps {
  readonly tag: TagView;
  /** Set when the tag is inherited or backs a ticket field. */
  readonly origin?: TagOrigin | undefined;
  readonly removable: boolean;
  /** In the tab order (roving tabindex: one tag at a time). */
  readonly tabbable: boolean;
  /** The handlers take the tag's name, so one set serves every chip and a chip need not re-render. */
  readonly onRemove: (name: string) => void;
  /** Send the failed change of this one tag again. */
  readonly onRetry: (name: string) => void;
  readonly onKeyDown: (name: string, event: KeyboardEvent<HTMLDivElement>) => void;
  readonly onFocus: (name: string) => void;
}

function sameOrigin(a: TagOrigin | undefined, b: TagOrigin | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.fromRequester !== b.fromRequester || a.fromOrganization !== b.fromOrganization || a.fields.length !== b.fields.length) return false;
  return a.fields.every((f, i) => f.field === b.fields[i]!.field && f.option === b.fields[i]!.option);
}

/**
 * A chip renders again only when what it shows changed: on a record with thousands of tags,
 * one change must not re-render (and re-style) every other chip.
 */
export function sameChip(a: TagChipProps, b: TagChipProps): boolean {
  return (
    a.tag.name === b.tag.name &&
    a.tag.state === b.tag.state &&
    a.tag.pending === b.tag.pending &&
    a.tag.changedByOthers === b.tag.changedByOthers &&
    sameOrigin(a.origin, b.origin) &&
    a.removable === b.removable &&
    a.tabbable === b.tabbable &&
    a.onRemove === b.onRemove &&
    a.onRetry === b.onRetry &&
    a.onKeyDown === b.onKeyDown &&
    a.onFocus === b.onFocus
  );
}

/** One tag: its name, its sync state, a remove button, and Retry when it did not save. */
const TagChipView = forwardRef<HTMLDivElement, TagChipProps>(function TagChip(
  { tag, origin, removable, tabbable, onRemove, onRetry, onKeyDown, onFocus },
  ref,
) {
  const { t } = useTranslator();
  const pending = tag.state === 'saving' || tag.state === 'waiting';
  const failed = tag.state === 'failed';
  // A removal that did not happen: the tag is still there, struck through, and says so.
  const notRemoved = failed && tag.pending === 'remove';
  // Protected tags (the admin's rules) have no remove control in any location.
  const locked = useTagRules().rules.protectedTags.isProtected(tag.name);
  const described = useTagDescription(tag.name);
  return (
    <Item data-tag={tag.name} data-state={tag.state} {...described.itemProps} {...(failed ? { 'data-failed': tag.pending } : {})}>
      <Chip
        ref={ref}
        {...described.chipProps}
        size="large"
        hue={tag.changedByOthers ? 'blue' : failed ? 'red' : undefined}
        tabIndex={tabbable ? 0 : -1}
        $pending={pending}
        onKeyDown={(event) => onKeyDown(tag.name, event)}
        onFocus={() => {
          described.onFocus();
          onFocus(tag.name);
        }}
      >
        <Name $struck={notRemoved}>{tag.name}</Name>
        {notRemoved && <VisuallyHidden>{` (${t('tagwise.tag.notRemoved')})`}</VisuallyHidden>}
        {tag.changedByOthers && <VisuallyHidden>{` (${t('tagwise.tag.byOthers')})`}</VisuallyHidden>}
        {origin && <TagOriginMarker origin={origin} />}
        {locked && <ProtectedLock />}
        <SyncIndicator state={tag.state} />
        {removable && !locked && <Tag.Close aria-label={t('tagwise.tag.remove', { name: tag.name })} onClick={() => onRemove(tag.name)} />}
      </Chip>
      {described.tooltip}
      {failed && (
        // The change's notice is the alert; this says, at the tag, what did not happen.
        <Failed>
          {notRemoved ? t('tagwise.tag.notRemoved') : t('tagwise.tag.notAdded')}
          {removable && (
            <>
              {' · '}
              <InlineButton onClick={() => onRetry(tag.name)}>
                {notRemoved ? t('tagwise.tag.retryRemoving', { name: tag.name }) : t('tagwise.tag.retryAdding', { name: tag.name })}
              </InlineButton>
            </>
          )}
        </Failed>
      )}
    </Item>
  );
});

export const TagChip = memo(TagChipView, sameChip);
