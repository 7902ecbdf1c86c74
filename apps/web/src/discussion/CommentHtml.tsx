import { useMemo } from 'react';
import { sanitizeCommentHtml } from './sanitizeCommentHtml';

/** A comment's body: the server's sanitized HTML, cleaned once more here. */
export function CommentHtml({ html }: { html: string }) {
  const clean = useMemo(() => ({ __html: sanitizeCommentHtml(html) }), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitizeCommentHtml's allow-list cleaned it.
  return <div className="comment__body" dangerouslySetInnerHTML={clean} />;
}
