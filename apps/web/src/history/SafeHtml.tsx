import { useMemo } from 'react';
import { sanitizeHistoryHtml } from './sanitizeHistoryHtml';

interface SafeHtmlProps {
  /** HTML from the versions API; it is cleaned again here before it reaches the DOM. */
  html: string;
  className?: string;
  as?: 'div' | 'span';
}

/** Read-only rendered page content, never interactive and never trusted as it arrives. */
export function SafeHtml({ html, className, as = 'div' }: SafeHtmlProps) {
  const clean = useMemo(() => ({ __html: sanitizeHistoryHtml(html) }), [html]);
  const Element = as;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML went through sanitizeHistoryHtml's allow-list.
  return <Element className={className} dangerouslySetInnerHTML={clean} />;
}
