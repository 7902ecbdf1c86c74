import { describe, expect, it } from 'vitest';
import { renderCommentMarkdown } from './renderCommentMarkdown';

describe('renderCommentMarkdown', () => {
  it('renders bold, italic, inline code, links and line breaks', () => {
    expect(
      renderCommentMarkdown(
        '**Bold** and *italic* and _also_ and `code <b>`\nsee [the docs](https://example.com/a?b=1&c=2) or [mail](mailto:a@example.com)',
      ),
    ).toBe(
      '<p><strong>Bold</strong> and <em>italic</em> and <em>also</em> and <code>code &lt;b&gt;</code><br>\n' +
        'see <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">the docs</a> or ' +
        '<a href="mailto:a@example.com" rel="noopener noreferrer nofollow" target="_blank">mail</a></p>',
    );
  });

  it('renders mentions with the current name when one is known', () => {
    expect(
      renderCommentMarkdown('Ask @[Ada L](user:u-1) and @[Bob](user:u-2)', {
        mentionName: (id) => (id === 'u-1' ? 'Ada Lovelace' : null),
      }),
    ).toBe(
      '<p>Ask <span class="mention" data-user-id="u-1">@Ada Lovelace</span> and ' +
        '<span class="mention" data-user-id="u-2">@Bob</span></p>',
    );
    expect(renderCommentMarkdown('@[<img src=x onerror=alert(1)>](user:u-1)')).toBe(
      '<p><span class="mention" data-user-id="u-1">@&lt;img src=x onerror=alert(1)&gt;</span></p>',
    );
  });

  it('keeps everything else as escaped text', () => {
    const html = renderCommentMarkdown(
      '# Title\n\n- item\n\n<script>alert(1)</script>\n\n![img](https://example.com/x.png)\n\n[js](javascript:alert(1)) [rel](/api/x) [data](data:text/html,hi)',
    );
    expect(html).not.toMatch(/<(h1|ul|li|script|img)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // An image is only a link to it; other schemes and relative targets are no links at all.
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="https://example.com/x.png"']);
    expect(html).toContain('# Title');
  });
});
