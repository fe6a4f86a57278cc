/**
 * The admin's rules, read from the app's installation settings (manifest `parameters`). The
 * names and defaults here are the manifest's; tests from outside set them by these names.
 */
import { parseAllowedTags } from './allowedTags';
import { parseDescriptions } from './descriptions';
import { newTagMode, type AddRules } from './newTags';
import type { SettingName, SettingProblem } from './problems';
import { NO_PROTECTED_TAGS, parseProtectedTags } from './protectedTags';

export interface TagRules extends AddRules {
  readonly descriptions: ReadonlyMap<string, string>;
  readonly showRequesterTags: boolean;
  readonly showOrganizationTags: boolean;
  /** The ticket sidebar's requester and organization groups start collapsed (until the agent opens one). */
  readonly collapseOwnerGroups: boolean;
}

export const DEFAULT_RULES: TagRules = {
  mode: 'anyone',
  allowed: new Set(),
  protectedTags: NO_PROTECTED_TAGS,
  descriptions: new Map(),
  showRequesterTags: true,
  showOrganizationTags: true,
  collapseOwnerGroups: false,
};

export interface ReadRules {
  readonly rules: TagRules;
  /** What was wrong, entry by entry; the rest of the settings still apply. */
  readonly problems: readonly SettingProblem[];
}

/**
 * ZAF gives checkbox settings as booleans; an installation made through the API, or an old
 * one, may hold the strings "true"/"false". Missing means the manifest's default.
 */
function checkbox(settings: Readonly<Record<string, unknown>>, name: SettingName, fallback: boolean, problems: SettingProblem[]): boolean {
  const value = settings[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push({ setting: name, code: 'not_checkbox' });
  return fallback;
}

function text(settings: Readonly<Record<string, unknown>>, name: SettingName, problems: SettingProblem[]): string {
  const value = settings[name];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  problems.push({ setting: name, code: 'not_text' });
  return '';
}

export function parseTagRules(settings: Readonly<Record<string, unknown>>): ReadRules {
  const problems: SettingProblem[] = [];
  const existingOnly = checkbox(settings, 'existing_tags_only', false, problems);
  const confirm = checkbox(settings, 'confirm_new_tags', false, problems);
  const allowed = parseAllowedTags(text(settings, 'allowed_tags', problems));
  const locked = parseProtectedTags(text(settings, 'protected_tags', problems));
  const described = parseDescriptions(text(settings, 'tag_descriptions', problems));
  const showRequesterTags = checkbox(settings, 'show_requester_tags', true, problems);
  const showOrganizationTags = checkbox(settings, 'show_organization_tags', true, problems);
  const collapseOwnerGroups = checkbox(settings, 'collapse_owner_groups', false, problems);
  problems.push(...allowed.problems, ...locked.problems, ...described.problems);
  return {
    rules: {
      mode: newTagMode(existingOnly, confirm),
      allowed: allowed.allowed,
      protectedTags: locked.protectedTags,
      descriptions: described.descriptions,
      showRequesterTags,
      showOrganizationTags,
      collapseOwnerGroups,
    },
    problems,
  };
}
