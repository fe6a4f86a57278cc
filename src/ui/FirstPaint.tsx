import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SidebarData } from '../app/sidebarData';
import type { Startup, Where } from '../app/startup';
import type { ReadRules } from '../domain/rules';
import type { MessageKey, Translator } from '../i18n';
import type { ZafClient } from '../zaf/client';
import { useAutoResize } from './addField/useAutoResize';
import { BLOCK_SIZE, WINDOW_ABOVE } from './panel/tagWindow';

const TITLES: Record<SidebarData['location'], MessageKey> = {
  ticket_sidebar: 'tagwise.panel.ticket',
  user_sidebar: 'tagwise.panel.user',
  organization_sidebar: 'tagwise.panel.organization',
};

/** What a settled start-up answer held: a placeholder mounted later shows it in its first render. */
const settled = new WeakMap<Promise<unknown>, { value: unknown }>();

function useSettled<T>(promise: Promise<T> | undefined): T | undefined {
  const [, settle] = useState(0);
  const known = promise ? (settled.get(promise) as { value: T } | undefined) : undefined;
  // A layout effect: the answer is usually here by the first render, and the paint should show it.
  useLayoutEffect(() => {
    if (!promise || settled.has(promise)) return;
    let live = true;
    promise.then(
      (value) => {
        settled.set(promise, { value });
        if (live) settle((n) => n + 1);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return known?.value;
}

/**
 * The record's tags as soon as Zendesk has told us them, drawn with plain elements and static
 * CSS while the panel's code (Garden, styled-components, the sync engine) is still loading.
 * The entry shows it first; the app shows it again wherever it still waits for the panel
 * (the agent's language, the location's code, the screen's answer), so the tags, once
 * shown, stay until the panel replaces them in the same place. Its remove buttons are
 * disabled: a press can only be honoured by the panel, which knows the record's state.
 *
 * `onSettled` is called once the tags are on screen, or as soon as it is known that there
 * are none to show (another location, a failed answer), with where the app runs if known.
 */
export function FirstPaint({ client, startup, onSettled }: { client: ZafClient; startup: Startup; onSettled?: (where: Where | undefined) => void }) {
  const root = useRef<HTMLDivElement>(null);
  useAutoResize(client, root);
  // Exactly one of the two paths below reports: no tags to show here, or tags shown (once per
  // mount: EarlyTags's answers do not change).
  useLayoutEffect(() => {
    Promise.all([startup.translator, startup.where, startup.rules])
      .then(async ([, where]) => {
        const data = where.kind === 'sidebar' ? await startup.peekSidebarData(where.location) : undefined;
        if (!data?.primary.initial?.tags) onSettled?.(where);
      })
      .catch(() => onSettled?.(undefined));
  }, [startup, onSettled]);
  const shown = useCallback(() => {
    void startup.where.then((where) => afterPaint(() => onSettled?.(where)));
  }, [startup, onSettled]);
  return (
    <div ref={root}>
      <EarlyTags startup={startup} onShown={shown} />
    </div>
  );
}

/**
 * Runs `then` once the frame that shows the current DOM has been painted: after the next
 * animation frame, in a task of its own. A hidden frame gets no animation frames, so a short
 * timer stands in.
 */
function afterPaint(then: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    then();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/** The first paint's tags from the start-up answers, or `fallback` until they are all here. */
export function EarlyTags({ startup, fallback = null, onShown }: { startup: Startup; fallback?: ReactNode; onShown?: () => void }) {
  const translator = useSettled(startup.translator);
  const where = useSettled(startup.where);
  const rules = useSettled(startup.rules);
  const data = useSettled(where?.kind === 'sidebar' ? startup.peekSidebarData(where.location) : undefined);
  if (!translator || !rules || !data) return <>{fallback}</>;
  return <ScreenTags translator={translator} rules={rules} data={data} fallback={fallback} {...(onShown ? { onShown } : {})} />;
}

/** The same, inside the app, where the language and the rules are known and the screen's answer may not be yet. */
export function FirstReadTags({ read, translator, rules, fallback }: { read: Promise<SidebarData>; translator: Translator; rules: ReadRules; fallback: ReactNode }) {
  const data = useSettled(read);
  if (!data) return <>{fallback}</>;
  return <ScreenTags translator={translator} rules={rules} data={data} fallback={fallback} />;
}

function ScreenTags({ translator, rules, data, fallback, onShown }: { translator: Translator; rules: ReadRules; data: SidebarData; fallback: ReactNode; onShown?: () => void }) {
  const tags = data.primary.initial?.tags;
  useLayoutEffect(() => {
    document.documentElement.lang = translator.locale;
    if (tags) onShown?.();
  }, [translator, tags, onShown]);
  if (!tags) return <>{fallback}</>;
  const { t } = translator;
  return (
    <div className="tw-first" data-tagwise-first-paint="">
      <Tags t={t} title={t(TITLES[data.location])} tags={tags} isProtected={(tag) => rules.rules.protectedTags.isProtected(tag)} />
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
