import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { settledValue, track } from '../app/settled';
import type { SidebarData } from '../app/sidebarData';
import type { Startup } from '../app/startup';
import type { ReadRules } from '../domain/rules';
import type { Translator } from '../i18n';
import { firstPaintBox, firstTagsView } from './firstTags';

/** A start-up answer: at once in the first render when it has settled (see settled.ts). */
function useSettled<T>(promise: Promise<T> | undefined): T | undefined {
  const [, settle] = useState(0);
  const known = promise ? settledValue(promise) : undefined;
  // A layout effect: the answer is usually here by the first render, and the paint should show it.
  useLayoutEffect(() => {
    if (!promise || settledValue(promise)) return;
    let live = true;
    track(promise).then(
      () => live && settle((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return known?.value;
}

/**
 * The first paint's tags (the entry drew them before React: paintFirst.ts), shown again by the
 * app wherever it still waits for the panel (the agent's language, the location's code, the
 * screen's answer), so the tags, once shown, stay until the panel replaces them in the same
 * place. `fallback` until the start-up answers are all here.
 */
export function EarlyTags({ startup, fallback = null }: { startup: Startup; fallback?: ReactNode }) {
  const translator = useSettled(startup.translator);
  const where = useSettled(startup.where);
  const rules = useSettled(startup.rules);
  const data = useSettled(where?.kind === 'sidebar' ? startup.peekSidebarData(where.location) : undefined);
  if (!translator || !rules || !data) return <>{fallback}</>;
  return <ScreenTags translator={translator} rules={rules} data={data} fallback={fallback} />;
}

/** The same, inside the app, where the language and the rules are known and the screen's answer may not be yet. */
export function FirstReadTags({ read, translator, rules, fallback }: { read: Promise<SidebarData>; translator: Translator; rules: ReadRules; fallback: ReactNode }) {
  const data = useSettled(read);
  if (!data) return <>{fallback}</>;
  return <ScreenTags translator={translator} rules={rules} data={data} fallback={fallback} />;
}

function ScreenTags({ translator, rules, data, fallback }: { translator: Translator; rules: ReadRules; data: SidebarData; fallback: ReactNode }) {
  const view = useMemo(() => firstTagsView(translator, rules, data), [translator, rules, data]);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    document.documentElement.lang = translator.locale;
  }, [translator]);
  // The same elements the entry drew (in the same kind of plain box), filled in before the paint.
  useLayoutEffect(() => {
    if (view) box.current?.replaceChildren(firstPaintBox(view));
  }, [view]);
  if (!view) return <>{fallback}</>;
  return <div ref={box} />;
}
