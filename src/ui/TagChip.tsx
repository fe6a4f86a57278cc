import { forwardRef, type KeyboardEvent } from 'react';
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

const Name = styled.span`
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
  readonly onRemove: (name: string) => void;
  readonly onRetry: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly onFocus: () => void;
}

/** One tag: its name, its sync state, a remove button, and Retry when it did not save. */
export const TagChip = forwardRef<HTMLDivElement, TagChipProps>(function TagChip(
  { tag, origin, removable, tabbable, onRemove, onRetry, onKeyDown, onFocus },
  ref,
) {
  const { t } = useTranslator();
  const pending = tag.state === 'saving' || tag.state === 'waiting';
  // Protected tags (the admin's rules) have no remove control in any location.
  const locked = useTagRules().rules.protectedTags.isProtected(tag.name);
  const described = useTagDescription(tag.name);
  return (
    <Item data-tag={tag.name} data-state={tag.state} {...described.itemProps}>
      <Chip
        ref={ref}
        {...described.chipProps}
        size="large"
        hue={tag.changedByOthers ? 'blue' : tag.state === 'failed' ? 'red' : undefined}
        tabIndex={tabbable ? 0 : -1}
        $pending={pending}
        onKeyDown={onKeyDown}
        onFocus={() => {
          described.onFocus();
          onFocus();
        }}
      >
        <Name>{tag.name}</Name>
        {tag.changedByOthers && <VisuallyHidden>{` (${t('tagwise.tag.byOthers')})`}</VisuallyHidden>}
        {origin && <TagOriginMarker origin={origin} />}
        {locked && <ProtectedLock />}
        <SyncIndicator state={tag.state} />
        {removable && !locked && <Tag.Close aria-label={t('tagwise.tag.remove', { name: tag.name })} onClick={() => onRemove(tag.name)} />}
      </Chip>
      {described.tooltip}
      {tag.state === 'failed' && (
        // An alert: the agent may have moved on, and must learn that this change did not save.
        <Failed role="alert">
          {t('tagwise.tag.failed')} <InlineButton onClick={onRetry}>{t('tagwise.tag.retry')}</InlineButton>
        </Failed>
      )}
    </Item>
  );
});
