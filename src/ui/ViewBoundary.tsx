// An error boundary per view: a view that throws shows what failed, and the others keep working.
import { t } from '../i18n';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Which view: its words are `views.<name>` in the catalogues. */
  name: 'filters' | 'list' | 'map' | 'timeline' | 'details';
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} view failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section
        className="dl-view dl-view-failed"
        role="alert"
        data-testid={`failed-${this.props.name}`}
      >
        <h2 className="dl-view-title">
          {t('boundary.failed', { view: t(`views.${this.props.name}`) })}
        </h2>
        <p>{error.message}</p>
        <p>{t('boundary.othersWork')}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('boundary.retry')}
        </button>
      </section>
    );
  }
}
