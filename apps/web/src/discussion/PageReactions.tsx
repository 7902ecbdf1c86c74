import { discussionApi } from './discussionApi';
import { ReactionBar } from './ReactionBar';
import type { Discussion } from './useDiscussion';

/** The page's own reactions in its header; people who may comment toggle theirs. */
export function PageReactions({
  pageId,
  discussion,
  canReact,
}: {
  readonly pageId: string;
  readonly discussion: Discussion;
  readonly canReact: boolean;
}) {
  const reactions = discussion.pageReactions.data?.reactions ?? [];
  return (
    <ReactionBar
      reactions={reactions}
      target="page"
      onToggle={
        canReact
          ? async (emoji) => {
              const answer = await discussionApi.reactToPage(pageId, emoji);
              discussion.pageReactions.setData({ reactions: answer.reactions });
            }
          : undefined
      }
    />
  );
}
