import type { ReactNode } from 'react';
import { CallError, messageOf } from '../api/client';

export function Notice({ kind, title, children }: { kind: 'error' | 'info' | 'success' | 'warning'; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <strong className="notice-title">{title}</strong>}
      {children && <div className="notice-body">{children}</div>}
    </div>
  );
}

/** A failed call as users see it: the AppError's message and code, never a stack. */
export function ErrorNotice({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  return (
    <Notice kind="error" title={title}>
      {messageOf(error)}
      {error instanceof CallError && <span className="code-tag">{error.code}</span>}
    </Notice>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <div className="empty-title">{title}</div>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
