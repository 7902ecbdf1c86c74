// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify walks the tree with a NodeIterator that happy-dom does not implement faithfully (it returned the input unsanitized).
import { describe, expect, it } from 'vitest';
import { sanitizeHistoryHtml } from './sanitizeHistoryHtml';

describe('sanitizeHistoryHtml', () => {
  it('keeps what the page schema renders and the diff marks', () => {
    const html =
      '<h2>Plan</h2><p>Ship <strong>Friday</strong><ins class="lore-diff-ins"> early</ins><del class="lore-diff-del">late</del></p>' +
      '<ins class="lore-diff-ins lore-diff-block"><ul data-type="taskList"><li data-checked="true" data-type="taskItem"><label><input type="checkbox" checked="checked"><span></span></label><div><p>done</p></div></li></ul></ins>' +
      '<pre><code class="language-js">let a</code></pre><table><tbody><tr><td colspan="2" rowspan="1"><p>x</p></td></tr></tbody></table>';
    const clean = sanitizeHistoryHtml(html);
    expect(clean).toContain('<ins class="lore-diff-ins"> early</ins>');
    expect(clean).toContain('<del class="lore-diff-del">late</del>');
    expect(clean).toContain('<ins class="lore-diff-ins lore-diff-block"><ul data-type="taskList">');
    expect(clean).toContain('<code class="language-js">let a</code>');
    expect(clean).toContain('<td colspan="2" rowspan="1">');
    expect(clean).toMatch(/<input type="checkbox" checked="checked" disabled="">/);
  });

  it('drops scripts, handlers, styles, ids and unsafe URLs', () => {
    const clean = sanitizeHistoryHtml(
      '<p id="x" onclick="steal()" style="position:fixed" class="evil lore-diff-ins">hi</p>' +
        '<script>alert(1)</script><style>body{display:none}</style><iframe title="x"></iframe>' +
        '<a href="javascript:alert(1)">bad</a><a href="https://example.com/doc">good</a>' +
        '<img src="javascript:alert(1)" onerror="alert(1)"><img src="https://example.com/a.png" alt="a">' +
        '<svg><script>alert(1)</script></svg><input type="text" value="x">',
    );
    expect(clean).not.toMatch(/script|onclick|onerror|style|iframe|svg|javascript|id="x"|evil/);
    expect(clean).toContain('<p class="lore-diff-ins">hi</p>');
    expect(clean).toContain('<a>bad</a>');
    expect(clean).toContain(
      '<a href="https://example.com/doc" target="_blank" rel="noopener noreferrer nofollow">good</a>',
    );
    expect(clean).toContain('<img src="https://example.com/a.png" alt="a">');
    expect(clean).not.toContain('<input');
  });

  it('unwraps unknown elements but keeps their text, escaped', () => {
    const clean = sanitizeHistoryHtml('<section><p>a &lt;b&gt; <blink>c</blink></p></section>');
    expect(clean).toBe('<p>a &lt;b&gt; c</p>');
  });
});
