import styled from 'styled-components';
import { Alert } from '@zendeskgarden/react-notifications';
import type { SettingName, SettingProblem } from '../../domain/rules';
import { useTranslator, type MessageKey, type Translator } from '../../i18n';
import { useTagRules } from './TagRulesContext';

const LABELS: Record<SettingName, MessageKey> = {
  existing_tags_only: 'app.parameters.existing_tags_only.label',
  confirm_new_tags: 'app.parameters.confirm_new_tags.label',
  allowed_tags: 'app.parameters.allowed_tags.label',
  protected_tags: 'app.parameters.protected_tags.label',
  tag_descriptions: 'app.parameters.tag_descriptions.label',
  show_requester_tags: 'app.parameters.show_requester_tags.label',
  show_organization_tags: 'app.parameters.show_organization_tags.label',
  collapse_owner_groups: 'app.parameters.collapse_owner_groups.label',
};

/** One problem in the settings, in the agent's language, naming the setting as Admin Center does. */
export function problemText(problem: SettingProblem, t: Translator['t']): string {
  if (problem.setting === null) return t('tagwise.rules.problems.unreadable');
  const setting = t(LABELS[problem.setting]);
  switch (problem.code) {
    case 'not_checkbox':
    case 'not_text':
      return t(`tagwise.rules.problems.${problem.code}`, { setting });
    case 'description_too_long':
      return t('tagwise.rules.problems.description_too_long', { setting, line: problem.line, entry: problem.entry, max: problem.max });
    default:
      return t(`tagwise.rules.problems.${problem.code}`, { setting, line: problem.line, entry: problem.entry });
  }
}

const List = styled.ul`
  margin: ${(p) => p.theme.space.xxs} 0;
  padding-inline-start: ${(p) => p.theme.space.md};
`;

const MAX_SHOWN = 5;

/** What is wrong in the app's settings: the rest still applies, and the agent knows why a rule may not. */
export function SettingsProblems() {
  const { t } = useTranslator();
  const { problems } = useTagRules();
  if (problems.length === 0) return null;
  const unreadable = problems.some((problem) => problem.setting === null);
  return (
    <Alert type="warning" role="alert" data-settings-problems="">
      <Alert.Title>{t('tagwise.rules.problems.title')}</Alert.Title>
      <List>
        {problems.slice(0, MAX_SHOWN).map((problem, index) => (
          <li key={index}>{problemText(problem, t)}</li>
        ))}
      </List>
      {!unreadable && t('tagwise.rules.problems.fix')}
    </Alert>
  );
}
