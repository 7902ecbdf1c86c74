import type { PageState } from '@lore/core';
import { type JSONContent, jsonToMarkdown } from '@lore/schema';
import { type DiffLine, markdownLineDiff } from './markdownLineDiff';
import { type DiffStats, inlineDiffHtml, richDiffHtml } from './richDiffHtml';

export interface PageDiff {
  readonly title: {
    readonly from: string;
    readonly to: string;
    readonly changed: boolean;
    /** The title with inserted and deleted words marked, as inline HTML. */
    readonly html: string;
  };
  /** The body as rich text with insertions and deletions marked (see `richDiffHtml`). */
  readonly html: string;
  /** The body's Markdown, line by line. */
  readonly markdown: readonly DiffLine[];
  readonly stats: DiffStats & { readonly changed: boolean };
}

/** Everything that changed between two states of a page, for the history view. */
export function diffPageStates(from: PageState, to: PageState): PageDiff {
  const fromBody = from.body as JSONContent;
  const toBody = to.body as JSONContent;
  const { html, stats } = richDiffHtml(fromBody, toBody);
  const markdown = markdownLineDiff(jsonToMarkdown(fromBody), jsonToMarkdown(toBody));
  const titleChanged = from.title !== to.title;
  return {
    title: {
      from: from.title,
      to: to.title,
      changed: titleChanged,
      html: inlineDiffHtml(from.title, to.title),
    },
    html,
    markdown,
    stats: {
      ...stats,
      changed: titleChanged || stats.insertedWords > 0 || stats.deletedWords > 0,
    },
  };
}
