/**
 * What can be wrong in the app's settings, as data: the UI turns each into a sentence in the
 * agent's language. A problem never stops the app; the entry it names is left out.
 */
export type SettingName =
  | 'existing_tags_only'
  | 'confirm_new_tags'
  | 'allowed_tags'
  | 'protected_tags'
  | 'tag_descriptions'
  | 'show_requester_tags'
  | 'show_organization_tags'
  | 'collapse_owner_groups';

export type SettingProblem =
  /** A checkbox setting holding something other than true or false. */
  | { readonly setting: SettingName; readonly code: 'not_checkbox' }
  /** A text setting holding something other than text. */
  | { readonly setting: SettingName; readonly code: 'not_text' }
  /** An entry that cannot be a tag (punctuation only, or too long). */
  | { readonly setting: SettingName; readonly code: 'not_a_tag'; readonly line: number; readonly entry: string }
  /** A `*` anywhere but at the end of a protected pattern, or a pattern that is only `*`. */
  | { readonly setting: SettingName; readonly code: 'bad_pattern'; readonly line: number; readonly entry: string }
  /** A description line without `tag: description`. */
  | { readonly setting: SettingName; readonly code: 'no_colon'; readonly line: number; readonly entry: string }
  | { readonly setting: SettingName; readonly code: 'no_description'; readonly line: number; readonly entry: string }
  | { readonly setting: SettingName; readonly code: 'description_too_long'; readonly line: number; readonly entry: string; readonly max: number }
  | { readonly setting: SettingName; readonly code: 'duplicate'; readonly line: number; readonly entry: string }
  /** Zendesk did not give the app its settings at all. */
  | { readonly setting: null; readonly code: 'unreadable' };
