import { useLayoutEffect, useRef, useState } from 'react';
import type { SidebarData } from '../app/sidebarData';
import type { Startup } from '../app/startup';
import type { MessageKey, Translator } from '../i18n';
import type { ZafClient } from '../zaf/client';
import { useAutoResize } from './addField/useAutoResize';
import { BLOCK_SIZE, WINDOW_ABOVE } from './panel/tagWindow';
import './firstPaint.css';

const TITLES: Record<SidebarData['location'], MessageKey> = {
  ticket_sidebar: 'tagwise.panel.ticket',
  user_sidebar: 'tagwise.panel.user',
  organization_sidebar: 'tagwise.panel.organization',
};

interface Shown {
  readonly translator: Translator;
  readonly data: SidebarData;
  /** The admin's protected tags: they never show a remove control, not even for a moment. */
  readonly isProtected: (tag: string) => boolean;
}

/**
 * The record's tags as soon as Zendesk has told us them, drawn with plain elements and static
 * CSS while the panel's code (Garden, styled-components, the sync engine) is still loading.
 * The panel replaces it in the same place. Its remove buttons are disabled until then: a
 * press can only be honoured by the panel, which knows the record's state.
 */
export function FirstPaint({ client, startup }: { client: ZafClient; startup: Startup }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useAutoResize(client, root);
  // A layout effect: the answers are usually here by the first render, and the paint should show them.
  useLayoutEffect(() => {
    let live = true;
    void Promise.all([startup.translator, startup.where, startup.rules])
      .then(async ([translator, where, { rules }]) => {
        if (where.kind !== 'sidebar') return;
        const data = await startup.peekSidebarData(where.location);
        if (live && data) {
          document.documentElement.lang = translator.locale;
          setShown({ translator, data, isProtected: (tag) => rules.protectedTags.isProtected(tag) });
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [startup]);
  const tags = shown?.data.primary.initial?.tags;
  return (
    <div className="tw-first" ref={root} data-tagwise-first-paint="">
      {shown && tags && <Tags t={shown.translator.t} title={shown.translator.t(TITLES[shown.data.location])} tags={tags} isProtected={shown.isProtected} />}
    </div>
  );
}

function Tags({ t, title, tags, isProtected }: { t: Translator['t']; title: string; tags: readonly string[]; isProtected: (tag: string) => boolean }) {
  return (
    <section className="tw-first-panel" aria-label={title}>
      <header className="tw-first-header">
        <span className="tw-first-title">{title}</span>
        {/* Named like the panel's heading: the group, then its count. */}
        <h2 className="tw-first-count" aria-label={`${title}, ${t('tagwise.panel.count', { count: tags.length })}`}>
          {t('tagwise.panel.count', { count: tags.length })}
        </h2>
      </header>
      {/* A big record shows as the panel will: the top of a scroll box of one tag per line. */}
      <ul className={tags.length > WINDOW_ABOVE ? 'tw-first-list tw-first-windowed' : 'tw-first-list'} aria-label={t('tagwise.panel.list')}>
        {(tags.length > WINDOW_ABOVE ? tags.slice(0, BLOCK_SIZE) : tags).map((tag) => (
          <li className="tw-first-item" key={tag}>
            <span className="tw-first-tag">
              <span className="tw-first-name">{tag}</span>
              {!isProtected(tag) && (
                <button className="tw-first-close" type="button" disabled aria-label={t('tagwise.tag.remove', { name: tag })}>
                  <svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" focusable="false" viewBox="0 0 12 12" aria-hidden="true">
                    <path stroke="currentColor" strokeLinecap="round" d="M3 9l6-6m0 6L3 3" />
                  </svg>
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
