import { Component, type ReactNode } from 'react';
import { Notice } from '../components/Notice';

/** A page that fails to render shows a short message and a way back, never a stack trace. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page">
        <Notice kind="error" title="This page could not be shown">
          Something unexpected happened while drawing it. Your data is unchanged.
          <div className="form-actions"><button type="button" className="button button-small" onClick={() => this.setState({ failed: false })}>Try again</button></div>
        </Notice>
      </div>
    );
  }
}
