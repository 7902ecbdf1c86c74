import { describe, expect, it } from 'vitest';
import { htmlToJSON } from './htmlToJSON';
import { jsonToHTML } from './jsonToHTML';
import { jsonToPlainText } from './jsonToPlainText';
import { validateJSON } from './validateJSON';

describe('htmlToJSON', () => {
  it('maps HTML to the schema and keeps valid heading ids', () => {
    const json = htmlToJSON(
      '<h2 id="install">Install</h2><h2>Use it</h2><p>Some <b>bold</b>, <i>italic</i>, <s>gone</s>, <u>under</u>, <mark>lit</mark> and <code>code</code>.</p>' +
        '<ul><li>a</li><li>b<ol start="2"><li>c</li></ol></li></ul><blockquote><p>q</p></blockquote>' +
        '<pre><code class="language-go">fmt.Println("hi")</code></pre><hr>',
    );
    expect(() => validateJSON(json)).not.toThrow();
    expect(jsonToHTML(json)).toBe(
      '<h2 id="install">Install</h2><h2 id="use-it">Use it</h2>' +
        '<p>Some <strong>bold</strong>, <em>italic</em>, <s>gone</s>, <u>under</u>, <mark>lit</mark> and <code>code</code>.</p>' +
        '<ul><li><p>a</p></li><li><p>b</p><ol start="2"><li><p>c</p></li></ol></li></ul><blockquote><p>q</p></blockquote>' +
        '<pre><code class="language-go">fmt.Println(&quot;hi&quot;)</code></pre><hr>',
    );
  });

  it('drops scripts, handlers and disallowed URLs but keeps the text', () => {
    const json = htmlToJSON(
      '<p onclick="alert(1)">Hello<script>alert(1)</script> <a href="javascript:alert(1)">click</a> ' +
        '<a href="https://ok.test/" onmouseover="x">ok</a><img src="x" onerror="alert(1)" alt="broken">' +
        '<img src="data:image/png;base64,AAAA" alt="inline"></p><style>p{}</style><!-- note -->' +
        '<custom-widget>widget text</custom-widget><object data="javascript:alert(1)"></object>',
    );
    const html = jsonToHTML(json);
    expect(html).not.toMatch(/script|onclick|onerror|onmouseover|javascript:|data:/i);
    expect(jsonToPlainText(json)).toBe('Hello click okbrokeninline\n\nwidget text');
    expect(html).toContain(
      '<a href="https://ok.test/" target="_blank" rel="noopener noreferrer nofollow">ok</a>',
    );
  });

  it('turns embeds into links and maps images through the resolver', () => {
    const json = htmlToJSON(
      '<iframe src="https://video.test/embed/1" title="Demo"></iframe><p><img src="img/a.png" alt="A"><img src="other.png" alt="B"></p>',
      { resolveImageSrc: (src) => (src === 'img/a.png' ? '/api/attachments/9/a.png' : null) },
    );
    expect(jsonToHTML(json)).toBe(
      '<p><a href="https://video.test/embed/1" target="_blank" rel="noopener noreferrer nofollow">Demo</a></p>' +
        '<p><img alt="A" src="/api/attachments/9/a.png"><a href="other.png">B</a></p>',
    );
  });

  it('reads GitHub task lists, alerts, tables and Lore callouts', () => {
    const json = htmlToJSON(
      '<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>' +
        '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">Warning</p><p>Hot</p></div>' +
        '<div data-callout data-kind="success"><p>Yay</p></div>' +
        '<table><tr><th>H</th></tr><tr><td style="text-align:right">1</td></tr></table>',
    );
    expect(json.content?.map((node) => node.type)).toEqual([
      'taskList',
      'callout',
      'callout',
      'table',
    ]);
    expect(json.content?.[0]?.content?.map((item) => item.attrs?.checked)).toEqual([true, false]);
    expect(json.content?.[1]?.attrs?.kind).toBe('warning');
    expect(jsonToPlainText(json.content?.[1] ?? {})).toBe('Hot');
    expect(json.content?.[2]?.attrs?.kind).toBe('success');
    expect(json.content?.[3]?.content?.[1]?.content?.[0]?.attrs?.align).toBe('right');
  });

  it('returns a valid empty document for empty input', () => {
    expect(validateJSON(htmlToJSON(''))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
