import { useEffect, useState, type ReactNode } from 'react';
import { agentLocale, I18nProvider, loadTranslator, type Translator } from '../i18n';
import type { ZafClient } from '../zaf/client';

/** Speaks the agent's Zendesk language; English is there at once, others load on demand. */
export function AgentLanguage({ client, children, fallback }: { client: ZafClient; children: ReactNode; fallback: ReactNode }) {
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    let live = true;
    void agentLocale(client)
      .then(loadTranslator)
      .then((loaded) => {
        if (!live) return;
        document.documentElement.lang = loaded.locale;
        setTranslator(loaded);
      });
    return () => {
      live = false;
    };
  }, [client]);
  if (!translator) return <>{fallback}</>;
  return (
    <I18nProvider translator={translator}>{children}</I18nProvider>
  );
}
