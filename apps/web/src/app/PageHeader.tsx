import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A console page's heading (its one h1) with the page's own actions on the right. */
export function PageHeader({ title, children, 'data-testid': testId }: { title: ReactNode; children?: ReactNode; 'data-testid'?: string }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0, flex: 1 }} data-testid={testId}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
