import { ThemeProvider } from '@zendeskgarden/react-theming';
import { I18nProvider, type Translator } from '../i18n';
import { Sentence } from './Sentence';

/** What a browser shows when Tagwise is opened directly instead of inside Zendesk. */
export function OutsideZendesk({ translator }: { translator: Translator }) {
  return (
    <ThemeProvider>
      <I18nProvider translator={translator}>
        <Sentence role="note" lang={translator.locale}>
          {translator.t('tagwise.outside')}
        </Sentence>
      </I18nProvider>
    </ThemeProvider>
  );
}
