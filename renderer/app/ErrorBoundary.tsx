import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { logError } from '../bridge';

interface Props {
  /** What is shown inside, as the message names it: "the reader", "the timeline". */
  what: string;
  children: ReactNode;
  /** For a part that floats over the app (a dialog): offered beside "Reload this view". */
  onClose?: () => void;
  /** Extra class for the message, so it fits where the part sat (a grid column, a pane). */
  className?: string;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload this view": the children mount afresh, state and effects included. */
  generation: number;
}

/**
 * Keeps one part of the window failing on its own: a damaged record that
 * makes the reader, the editor or a view throw shows a message here (and is
 * logged), while the sidebar and every other view keep working. Without it,
 * React unmounts the whole tree and the window goes blank.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    logError(`Casebook could not show ${this.props.what}${info.componentStack ? `\nComponent stack:${info.componentStack.slice(0, 2000)}` : ''}`, error);
  }

  private reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (!error) return <Fragment key={generation}>{this.props.children}</Fragment>;
    return (
      <div className={`view-error${this.props.className ? ` ${this.props.className}` : ''}`} role="alert">
        <h2>Casebook could not show {this.props.what}</h2>
        <p>Something in it is damaged or unexpected. The rest of the case is not affected, and the problem was written to the log.</p>
        <pre className="view-error-message">{error.message || error.name}</pre>
        <div className="view-error-actions">
          <button type="button" onClick={this.reload}>Reload this view</button>
          {this.props.onClose && (
            <button type="button" className="subtle" onClick={this.props.onClose}>Close</button>
          )}
        </div>
      </div>
    );
  }
}
