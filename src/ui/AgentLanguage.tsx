import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, type Translator } from '../i18n';

/** Speaks the agent's Zendesk language once it is known; English is there at once, others load on demand. */
export function AgentLanguage({ translator, children, fallback }: { translator: Promise<Translator>; children: ReactNode; fallback: ReactNode }) {
  const [loaded, setLoaded] = useState<Translator | null>(null);
  useEffect(() => {
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
