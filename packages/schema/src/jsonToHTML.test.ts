import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { jsonToHTML } from './jsonToHTML';
import { htmlElements } from './test/htmlElements';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('jsonToHTML', () => {
  it('renders the schema with heading ids and nested marks', () => {
    const html = jsonToHTML(
      doc(
        { type: 'heading', attrs: { level: 2, id: 'setup' }, content: [text('Setup')] },
        p(
          text('a ', [{ type: 'bold' }]),
          text('b', [{ type: 'bold' }, { type: 'italic' }]),
          text(' c', [{ type: 'code' }]),
        ),
      ),
    );
    expect(html).toBe(
      '<h2 id="setup">Setup</h2><p><strong>a <em>b</em></strong><code> c</code></p>',
    );
  });

  it('gives headings without ids a unique id', () => {
    const h = (t: string): JSONContent => ({
      type: 'heading',
      attrs: { level: 1 },
      content: [text(t)],
    });
    expect(jsonToHTML(doc(h('Intro'), h('Intro')))).toBe(
      '<h1 id="intro">Intro</h1><h1 id="intro-2">Intro</h1>',
    );
  });

  it('renders lists, task lists, tables, code, callouts, images and rules', () => {
    const html = jsonToHTML(
      doc(
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one'))] }] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [p(text('three'))] }],
        },
        {
          type: 'taskList',
          content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(text('done'))] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', attrs: { align: 'center' }, content: [p(text('H'))] },
              ],
            },
            { type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('C'))] }] },
          ],
        },
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('let a = 1 < 2;\n')] },
        { type: 'callout', attrs: { kind: 'warning' }, content: [p(text('Careful'))] },
        p({ type: 'image', attrs: { src: '/api/attachments/a1/pic.png', alt: 'A pic' } }),
        { type: 'horizontalRule' },
        { type: 'blockquote', content: [p(text('q'), { type: 'hardBreak' }, text('r'))] },
      ),
    );
    expect(html).toContain('<ul><li><p>one</p></li></ul>');
    expect(html).toContain('<ol start="3"><li><p>three</p></li></ol>');
    expect(html).toContain(
      '<li data-checked="true" data-type="taskItem"><label><input type="checkbox" checked="checked"><span></span></label><div><p>done</p></div></li>',
    );
    expect(html).toContain('<th colspan="1" rowspan="1" style="text-align: center"><p>H</p></th>');
    expect(html).toContain('<td colspan="1" rowspan="1"><p>C</p></td>');
    expect(html).toContain('<pre><code class="language-ts">let a = 1 &lt; 2;\n</code></pre>');
    expect(html).toContain(
      '<div data-callout="" class="callout" data-kind="warning"><p>Careful</p></div>',
    );
    expect(html).toContain('<img alt="A pic" src="/api/attachments/a1/pic.png">');
    expect(html).toContain('<hr>');
    expect(html).toContain('<blockquote><p>q<br>r</p></blockquote>');
  });

  it('writes external links with a safe target and internal links plainly', () => {
    const html = jsonToHTML(
      doc(
        p(
          text('ext', [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b=2' } }]),
          text(' '),
          text('int', [{ type: 'link', attrs: { href: '../page.md#x', title: 'T "q"' } }]),
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">ext</a> <a href="../page.md#x" title="T &quot;q&quot;">int</a></p>',
    );
  });

  describe('with hostile content', () => {
    const hostile = doc(
      p(text('<script>alert(1)</script> & "quotes"')),
      p(text('js', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      p(text('tab', [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }])),
      p(text('data', [{ type: 'link', attrs: { href: 'data:text/html,<script>x</script>' } }])),
      p({ type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'bad' } }),
      p({ type: 'image', attrs: { src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'svg' } }),
      p({
        type: 'image',
        attrs: { src: 'https://x.test/a.png', onerror: 'alert(1)', alt: 'x" onerror="alert(1)' },
      }),
      {
        type: 'heading',
        attrs: { level: 1, id: '"><script>alert(1)</script>', onclick: 'x' },
        content: [text('H')],
      },
      {
        type: 'codeBlock',
        attrs: { language: '"><img src=x onerror=alert(1)>' },
        content: [text('x')],
      },
      {
        type: 'callout',
        attrs: { kind: '"><script>', style: 'background:url(javascript:x)' },
        content: [p(text('c'))],
      },
      { type: 'script', content: [text('alert(1)')] },
      { type: 'iframe', attrs: { src: 'https://evil.test' } },
      { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x' }, content: [text('attrs')] },
      p(text('m', [{ type: 'bold', attrs: { onmouseover: 'alert(1)' } }, { type: 'evil' }])),
    );
    const html = jsonToHTML(hostile);

    it('never emits scripts, handlers, script URLs or unknown attributes', () => {
      const allowed = new Set([
        'href',
        'src',
        'alt',
        'title',
        'id',
        'class',
        'style',
        'target',
        'rel',
        'start',
        'type',
        'checked',
        'colspan',
        'rowspan',
        'data-type',
        'data-checked',
        'data-callout',
        'data-kind',
      ]);
      const elements = htmlElements(html);
      expect(elements.length).toBeGreaterThan(10);
      for (const { tag, attrs } of elements) {
        expect(['script', 'iframe', 'svg', 'object', 'style']).not.toContain(tag);
        for (const [name, value] of Object.entries(attrs)) {
          expect(allowed.has(name), `${tag}[${name}]`).toBe(true);
          expect(value).not.toMatch(/javascript:|data:|url\(/i);
        }
      }
    });

    it('keeps the text, escaped', () => {
      expect(html).toContain(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>',
      );
      expect(html).toContain('<p>js</p><p>tab</p><p>data</p>');
      expect(html).toContain('<p>bad</p>');
      expect(html).toContain('alt="x&quot; onerror=&quot;alert(1)"');
      expect(html).toContain('<p>alert(1)</p>');
      expect(html).toContain('<p>attrs</p>');
      expect(html).toContain('<h1 id="h">H</h1>');
      expect(html).toContain('data-kind="info"');
    });
  });
});
