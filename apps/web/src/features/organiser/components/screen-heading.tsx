import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/ui/page-title';

/** The page's `<title>` and `<h1>`, with an optional line under it. */
export function ScreenHeading({ title, competitionName, children }: { title: string; competitionName: string; children?: ReactNode }) {
  return (
    <div className="page-heading">
      <PageTitle>{`${title} · ${competitionName}`}</PageTitle>
      <h1>{title}</h1>
      {children}
    </div>
  );
}
