import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_RULES, type ReadRules } from '../../domain/rules';

const NO_RULES: ReadRules = { rules: DEFAULT_RULES, problems: [] };

const TagRulesContext = createContext<ReadRules>(NO_RULES);

/** The admin's tag rules for every component below (a view without them gets the defaults). */
export function TagRulesProvider({ value, children }: { value: ReadRules; children: ReactNode }) {
  return <TagRulesContext.Provider value={value}>{children}</TagRulesContext.Provider>;
}

export function useTagRules(): ReadRules {
  return useContext(TagRulesContext);
}
