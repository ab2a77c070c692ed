import type { ReactNode } from 'react';

/** A boxed message in large type; errors and warnings are announced by screen readers. */
export function Notice({
  tone,
  title,
  children,
  testId,
}: {
  tone: 'info' | 'warning' | 'error' | 'success' | 'muted';
  title: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`resident-notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="resident-notice-title">{title}</div>
      {children}
    </div>
  );
}
