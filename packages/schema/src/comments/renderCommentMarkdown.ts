import MarkdownIt, { type StateInline } from 'markdown-it';
import { escapeHTML } from '../escapeHTML';

/** Options of {@link renderCommentMarkdown}. */
export interface RenderCommentOptions {
  /** The name to show for a mentioned person (their current one); null keeps the written one. */
  readonly mentionName?: (userId: string) => string | null;
}

/** `@[Display Name](user:<userId>)`, as core's `parseMentions` reads it. */
const mention = /@\[([^\]\n]{1,200})\]\(user:([A-Za-z0-9_-]{1,100})\)/y;

const allowedLink = /^(https?:\/\/|mailto:)/i;

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  mention.lastIndex = state.pos;
  const match = mention.exec(state.src);
  if (!match) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { name: match[1], userId: match[2] };
  }
  state.pos += match[0].length;
  return true;
}

function createCommentParser(): MarkdownIt {
  // `zero` knows paragraphs and text only; comments add emphasis, code spans, links and breaks.
  const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: false });
  md.enable(['emphasis', 'backticks', 'link', 'escape', 'newline', 'entity']);
  md.validateLink = (url) => allowedLink.test(url.trim());
  md.inline.ruler.before('link', 'mention', mentionRule);
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index];
    token?.attrSet('rel', 'noopener noreferrer nofollow');
    token?.attrSet('target', '_blank');
    return self.renderToken(tokens, index, options);
  };
  md.renderer.rules.mention = (tokens, index, _options, env: RenderCommentOptions) => {
    const meta = tokens[index]?.meta as { name: string; userId: string } | undefined;
    if (!meta) return '';
    const { name, userId } = meta;
    const shown = env.mentionName?.(userId) ?? name;
    return `<span class="mention" data-user-id="${escapeHTML(userId)}">@${escapeHTML(shown)}</span>`;
  };
  return md;
}

const parser = createCommentParser();

/**
 * Renders a comment's Markdown as HTML that is safe to insert: paragraphs and line breaks,
 * bold, italic, inline code, links to `http:`, `https:` and `mailto:` addresses (opened in a new
 * tab, `nofollow`), and mentions as `<span class="mention" data-user-id="…">@Name</span>`.
 * Everything else (headings, lists, raw HTML, images, other link schemes) stays as its text,
 * escaped.
 */
export function renderCommentMarkdown(body: string, options: RenderCommentOptions = {}): string {
  return parser.render(body, { ...options }).trimEnd();
}
