// The first paint's markup, built with plain DOM calls: the entry draws it before React is
// loaded, and the panel's placeholders draw the same elements while they wait, so the tags
// stay exactly where they are until the panel replaces them. Styled by firstPaint.css,
// which the build inlines into index.html.
import info from '@zendeskgarden/svg-icons/src/12/info-stroke.svg?raw';
import type { SidebarData } from '../app/sidebarData';
import { tagOrigins, type TagOrigin } from '../domain/provenance';
import type { ReadRules } from '../domain/rules';
import type { MessageKey, Translator } from '../i18n/translate';
import { LOCK_PATH } from './icons/lockPath';
import { densityFor } from './panel/density';
import { originText } from './panel/originText';
import { BLOCK_SIZE, WINDOW_ABOVE } from './panel/tagWindow';

const TITLES: Record<SidebarData['location'], MessageKey> = {
  ticket_sidebar: 'tagwise.panel.ticket',
  user_sidebar: 'tagwise.panel.user',
  organization_sidebar: 'tagwise.panel.organization',
};

export interface FirstTagsView {
  readonly t: Translator['t'];
  readonly title: string;
  readonly tags: readonly string[];
  readonly isProtected: (tag: string) => boolean;
  /**
   * Ticket tags the screen says the requester or the organization also holds: the panel marks
   * them, so the first paint keeps their place. Field-backed tags are marked once the ticket
   * fields are known (a request), in the panel only.
   */
  readonly origins: ReadonlyMap<string, TagOrigin>;
}

/** What the first paint shows of the screen's answer; undefined when it holds no tags. */
export function firstTagsView(translator: Translator, rules: ReadRules, data: SidebarData): FirstTagsView | undefined {
  const tags = data.primary.initial?.tags;
  if (!tags) return undefined;
  const origins =
    data.location === 'ticket_sidebar'
      ? tagOrigins(tags, {
          ...(data.requester?.initial ? { requesterTags: data.requester.initial.tags } : {}),
          ...(data.organization?.initial ? { organizationTags: data.organization.initial.tags } : {}),
        })
      : new Map<string, TagOrigin>();
  return { t: translator.t, title: translator.t(TITLES[data.location]), tags, isProtected: (tag) => rules.rules.protectedTags.isProtected(tag), origins };
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(name);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon of one path (its meaning is in its container's name). */
function pathIcon(svgAttributes: readonly (readonly [string, string])[], pathAttributes: readonly (readonly [string, string])[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [...svgAttributes, ['focusable', 'false'], ['aria-hidden', 'true']] as const) svg.setAttribute(name, value);
  const path = document.createElementNS(SVG, 'path');
  for (const [name, value] of pathAttributes) path.setAttribute(name, value);
  svg.append(path);
  return svg;
}

const closeIcon = () =>
  pathIcon(
    [['width', '12'], ['height', '12'], ['viewBox', '0 0 12 12']],
    [['stroke', 'currentColor'], ['stroke-linecap', 'round'], ['d', 'M3 9l6-6m0 6L3 3']],
  );

/** An image named for screen readers, as the panel's marker and lock are. */
function namedImage(className: string, name: string): HTMLSpanElement {
  const image = element('span', className);
  image.setAttribute('role', 'img');
  image.setAttribute('aria-label', name);
  return image;
}

/** The panel's "i" beside an inherited tag, named by why, not focusable until the panel is here. */
function originMarker(origin: TagOrigin, t: Translator['t']): HTMLSpanElement {
  const marker = namedImage('tw-first-origin', originText(origin, t));
  // The icon package's own file, fixed at build time (never user input), as in GardenIcon.
  marker.innerHTML = info;
  marker.firstElementChild?.setAttribute('aria-hidden', 'true');
  return marker;
}

/** The panel's lock beside a protected tag's name, named as the panel names it. */
function protectedLock(t: Translator['t']): HTMLSpanElement {
  const lock = namedImage('tw-first-lock', t('tagwise.rules.protectedLock', { reason: t('tagwise.rules.protectedReason') }));
  lock.append(pathIcon([['viewBox', '0 0 16 16']], [['fill', 'currentColor'], ['d', LOCK_PATH]]));
  return lock;
}

/** The first paint's box around its section: the entry and the panel's placeholders both draw this. */
export function firstPaintBox(view: FirstTagsView): HTMLDivElement {
  const box = element('div', 'tw-first');
  box.setAttribute('data-tagwise-first-paint', '');
  box.append(firstTagsSection(view));
  return box;
}

/**
 * The record's tags as the panel will show them: its heading and count, then the tags, each
 * with a remove button that waits (disabled) for the panel. A protected tag has none. A big
 * record shows the top of its scroll box of one tag per line.
 */
function firstTagsSection({ t, title, tags, isProtected, origins }: FirstTagsView): HTMLElement {
  const section = element('section', 'tw-first-panel');
  section.setAttribute('aria-label', title);
  const header = element('header', 'tw-first-header');
  const count = t('tagwise.panel.count', { count: tags.length });
  // Named like the panel's heading: the group, then its count.
  const heading = element('h2', 'tw-first-count', count);
  heading.setAttribute('aria-label', `${title}, ${count}`);
  header.append(element('span', 'tw-first-title', title), heading);
  const windowed = tags.length > WINDOW_ABOVE;
  const classes = ['tw-first-list'];
  if (windowed) classes.push('tw-first-windowed');
  if (densityFor(tags.length) === 'compact') classes.push('tw-first-compact');
  const list = element('ul', classes.join(' '));
  list.setAttribute('aria-label', t('tagwise.panel.list'));
  for (const tag of windowed ? tags.slice(0, BLOCK_SIZE) : tags) {
    const pill = element('span', 'tw-first-tag');
    const name = element('span', 'tw-first-name', tag);
    const locked = isProtected(tag);
    if (locked) {
      // As in the panel, the lock sits in the name's cell.
      const cell = element('span', 'tw-first-name-cell');
      cell.append(name, protectedLock(t));
      pill.append(cell);
    } else {
      pill.append(name);
    }
    const origin = origins.get(tag);
    if (origin) pill.append(originMarker(origin, t));
    if (!locked) {
      const remove = element('button', 'tw-first-close');
      remove.type = 'button';
      remove.disabled = true;
      remove.setAttribute('aria-label', t('tagwise.tag.remove', { name: tag }));
      remove.append(closeIcon());
      pill.append(remove);
    }
    const item = element('li', 'tw-first-item');
    item.append(pill);
    list.append(item);
  }
  section.append(header, list);
  return section;
}
