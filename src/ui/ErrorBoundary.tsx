import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import styled from 'styled-components';
import { I18nContext } from '../i18n';
import { InlineButton } from './InlineButton';
import { PlainAlert } from './notices/PlainAlert';

const Box = styled.div`
  padding: ${(p) => p.theme.space.sm} 0;
`;

interface Props {
  readonly children: ReactNode;
  /** What Reload does (the page reload by default). */
  readonly onReload?: () => void;
}

interface State {
  readonly failed: boolean;
}

/** Never a blank sidebar: an unexpected error shows a friendly message and a way back. */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Some renderers give no component stack; log it only when there is one.
    if (info.componentStack) console.error('Tagwise crashed:', error, info.componentStack);
    else console.error('Tagwise crashed:', error);
  }

  private reload = (): void => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { t } = this.context;
    return (
      <Box>
        <PlainAlert title={t('tagwise.crash.title')}>
          {t('tagwise.crash.body')} <InlineButton onClick={this.reload}>{t('tagwise.crash.reload')}</InlineButton>
        </PlainAlert>
      </Box>
    );
  }
}
