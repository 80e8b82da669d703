import type { ReactNode } from 'react';

/** A page's title and subtitle; `children` sit at the header's right (e.g. Browse's backend tabs). */
export function PageHeader({ title, subtitle, children }: { title: string; subtitle: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="subtitle">{subtitle}</p>
      </div>
      {children}
    </header>
  );
}
