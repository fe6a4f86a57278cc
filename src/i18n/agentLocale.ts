import type { ZafClient } from '../zaf/client';
import { resolveLocale, type Locale } from './locales';

/** The agent's Zendesk locale ("pt-BR" → pt-br), or English when Zendesk does not say in time. */
export async function agentLocale(client: ZafClient, timeoutMs = 3000): Promise<Locale> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const answer = await Promise.race([client.get('currentUser.locale'), timeout]);
    return resolveLocale(answer?.['currentUser.locale']);
  } catch {
    return resolveLocale(undefined);
  } finally {
    clearTimeout(timer);
  }
}
