/**
 * The admin's tag rules, from the installation settings ZAF hands over with its handshake
 * (`client.metadata().settings`). Never fails: unreadable settings give the defaults and a
 * problem the sidebar states, so agents know the rules may not apply.
 */
import { DEFAULT_RULES, parseTagRules, type ReadRules } from '../domain/rules';
import type { ZafClient } from '../zaf/client';
import { asRecordObject } from '../zaf/values';

export async function readTagRules(client: ZafClient): Promise<ReadRules> {
  try {
    const metadata = await client.metadata();
    return parseTagRules(asRecordObject(metadata.settings) ?? {});
  } catch {
    return { rules: DEFAULT_RULES, problems: [{ setting: null, code: 'unreadable' }] };
  }
}
