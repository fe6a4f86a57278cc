import { forwardRef, memo, useLayoutEffect, useState } from 'react';
import styled, { css } from 'styled-components';
import { Tag } from '@zendeskgarden/react-tags';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagOrigin } from '../../domain/provenance';
import { sameTagView, type TagView } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { GardenIcon } from '../icons/GardenIcon';
import { InlineButton } from '../InlineButton';
import { ProtectedLock } from '../rules/ProtectedLock';
import { useTagRules } from '../rules/TagRulesContext';
import { useTagDescription } from '../rules/useTagDescription';
import { SyncIndicator } from './SyncIndicator';
import { TagOriginMarker } from './TagOriginMarker';
import { VisuallyHidden } from '../VisuallyHidden';
import type { TagDensity } from './density';

/** One row of the tag grid: the pill, and beside it what did not happen, with Retry, when a change failed. */
const Row = styled.li`
  position: relative;
  display: inline-flex;
  align-items: center;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
  max-width: 100%;
  min-width: 0;
`;

const pendingBorder = css`
  border: 1px dashed ${(p) => getColor({ theme: p.theme, variable: 'border.emphasis' })};
`;

// Garden's medium pill is 20 px; compact pills are 24 px so that their remove button is a 24 px
// target. Garden gives each child overflow: hidden; the cells size themselves.
// (Comments stay outside the CSS: text inside a template ships in the bundle.)
const Chip = styled(Tag)<{ $state: TagView['state']; $density: TagDensity }>`
  max-width: 100%;
  ${(p) =>
    p.$density === 'compact' &&
    css`
      height: 24px;
      line-height: 24px;
    `}
  ${(p) => (p.$state === 'saving' || p.$state === 'waiting' ? pendingBorder : '')}
  ${(p) =>
    p.$state === 'failed' &&
    css`
      border: 1px solid ${getColor({ theme: p.theme, variable: 'border.dangerEmphasis' })};
    `}

  & > * {
    width: auto;
  }

  &:focus-within {
    outline: 2px solid ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
    outline-offset: 1px;
  }

  [data-garden-id='tags.close'] {
    min-width: 24px;
    min-height: 24px;
  }

  [data-garden-id='tags.close']:focus-visible {
    box-shadow: inset 0 0 0 2px ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
  }
`;

/** The tag's own cell: it takes focus (roving tabindex) and holds the name and its state; a 24 px target even for a two-letter tag. */
const NameCell = styled.span`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-width: 24px;
  max-width: 100%;
  height: 100%;

  &:focus {
    outline: none;
  }
`;

const Name = styled.span<{ $struck: boolean }>`
  text-decoration: ${(p) => (p.$struck ? 'line-through' : 'none')};
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

const Cell = styled.span`
  display: inline-flex;
  align-items: center;
  flex-shrink: 0;
`;

const Failed = styled.span`
  display: inline-flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

export interface TagChipProps {
  readonly tag: TagView;
  /** Set when the tag is inherited or backs a ticket field. */
  readonly origin?: TagOrigin | undefined;
  readonly removable: boolean;
  /** In the tab order (roving tabindex: one tag at a time). */
  readonly tabbable: boolean;
  readonly density: TagDensity;
  /** The handlers take the tag's name, so one set serves every chip and a chip need not re-render. */
  readonly onRemove: (name: string) => void;
  /** Send the failed change of this one tag again. */
  readonly onRetry: (name: string) => void;
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
    sameTagView(a.tag, b.tag) &&
    sameOrigin(a.origin, b.origin) &&
    a.removable === b.removable &&
    a.tabbable === b.tabbable &&
    a.density === b.density &&
    a.onRemove === b.onRemove &&
    a.onRetry === b.onRetry &&
    a.onFocus === b.onFocus
  );
}

/** Whether the element's text is cut (shown with an ellipsis). */
function useTruncated(element: HTMLElement | null, text: string): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => setCut(element.scrollWidth > element.clientWidth + 1);
    // The observer reports the first size after layout, with the frame: reading it here would
    // force a layout of the whole panel on each chip mounted (a removal mounts a few).
    if (typeof ResizeObserver === 'undefined') return measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, text]);
  return cut;
}

/**
 * One tag as a row of the tag grid: its name and sync state (the focusable cell), the
 * origin marker, a remove button, and, when a change failed, what did not happen with a
 * Retry named after the tag. A name too long for the panel is cut with an ellipsis and shown
 * whole in a Garden tooltip on focus and hover.
 */
const TagChipView = forwardRef<HTMLSpanElement, TagChipProps>(function TagChip(
  { tag, origin, removable, tabbable, density, onRemove, onRetry, onFocus },
  ref,
) {
  const { t } = useTranslator();
  const failed = tag.state === 'failed';
  // A removal that did not happen: the tag is still there, struck through, and says so.
  const notRemoved = failed && tag.pending === 'remove';
  // Protected tags (the admin's rules) have no remove control in any location.
  const locked = useTagRules().rules.protectedTags.isProtected(tag.name);
  const described = useTagDescription(tag.name);
  const [nameElement, setNameElement] = useState<HTMLSpanElement | null>(null);
  const truncated = useTruncated(nameElement, tag.name);

  const nameCell = (
    <NameCell
      ref={ref}
      role="gridcell"
      tabIndex={tabbable ? 0 : -1}
      {...described.chipProps}
      onFocus={() => {
        described.onFocus();
        onFocus(tag.name);
      }}
    >
      <Name ref={setNameElement} $struck={notRemoved}>
        {tag.name}
      </Name>
      {notRemoved && <VisuallyHidden>{` (${t('tagwise.tag.notRemoved')})`}</VisuallyHidden>}
      {tag.changedByOthers && (
        <>
          <GardenIcon name="userSolo" className="tagwise-by-others" />
          <VisuallyHidden>{` (${t('tagwise.tag.byOthers')})`}</VisuallyHidden>
        </>
      )}
      {locked && <ProtectedLock />}
      <SyncIndicator state={tag.state} />
    </NameCell>
  );

  return (
    <Row role="row" data-tag={tag.name} data-state={tag.state} {...described.itemProps} {...(failed ? { 'data-failed': tag.pending } : {})}>
      <Chip
        size={density === 'compact' ? 'medium' : 'large'}
        hue={tag.changedByOthers ? 'blue' : failed ? 'red' : undefined}
        $state={tag.state}
        $density={density}
      >
        {truncated ? (
          <Tooltip content={tag.name} delayMS={150} size="medium" zIndex={10} appendToNode={document.body}>
            {nameCell}
          </Tooltip>
        ) : (
          nameCell
        )}
        {origin && (
          <Cell role="gridcell">
            <TagOriginMarker origin={origin} tabbable={tabbable} />
          </Cell>
        )}
        {removable && !locked && (
          <Cell role="gridcell">
            <Tag.Close aria-label={t('tagwise.tag.remove', { name: tag.name })} onClick={() => onRemove(tag.name)} />
          </Cell>
        )}
      </Chip>
      {described.tooltip && <span role="gridcell">{described.tooltip}</span>}
      {failed && (
        // The change's notice is the alert; this says, at the tag, what did not happen.
        <Failed role="gridcell">
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
    </Row>
  );
});

export const TagChip = memo(TagChipView, sameChip);
