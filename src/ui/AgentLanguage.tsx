import { useLayoutEffect, useState, type ReactNode } from 'react';
import { I18nProvider, type Translator } from '../i18n';

/** Speaks the agent's Zendesk language once it is known; English is there at once, others load on demand. */
export function AgentLanguage({ translator, children, fallback }: { translator: Promise<Translator>; children: ReactNode; fallback: ReactNode }) {
  const [loaded, setLoaded] = useState<Translator | null>(null);
  // A layout effect, not an effect: effects wait for the next frame, and by now the answer
  // is usually here already, so taking it before the paint spares the agent a frame.
  useLayoutEffect(() => {
    let live = true;
    void translator.then((ready) => {
      if (!live) return;
      document.documentElement.lang = ready.locale;
      setLoaded(ready);
    });
    return () => {
      live = false;
    };
  }, [translator]);
  if (!loaded) return <>{fallback}</>;
  return <I18nProvider translator={loaded}>{children}</I18nProvider>;
}
