export { parseAllowedTags } from './allowedTags';
export { MAX_DESCRIPTION_LENGTH, parseDescriptions } from './descriptions';
export { decideAdd, newTagMode, type AddRules, type AddVerdict, type NewTagMode } from './newTags';
export type { SettingName, SettingProblem } from './problems';
export { NO_PROTECTED_TAGS, parseProtectedTags, type ProtectedTags } from './protectedTags';
export { DEFAULT_RULES, parseTagRules, type ReadRules, type TagRules } from './settings';
export { closeness, didYouMean, isPluralPair, type Closeness, type KnownTag } from './similarity';
