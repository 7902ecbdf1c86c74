// @vitest-environment happy-dom
import { documentLimits, findDocumentExcess, htmlToJSON, type JSONContent } from '@lore/schema';
import { describe, expect, it } from 'vitest';
import { cleanPastedHTML } from './cleanPastedHTML';

/** What Google Docs puts on the clipboard for a heading, a paragraph with marks and a list. */
const googleDocs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5a1c2f3e-7fff-1b2c-9d8e-0123456789ab"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;" id="h.abc123"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Launch plan</span></h1><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">We ship on </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;">Friday</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:italic;"> after review</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;">Docs</span></p></li><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span style="font-weight:400;">API reference</span></p></li></ul><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">Blog post</span></p></li></ul><ul style="margin-top:0;margin-bottom:0;"><li role="checkbox" aria-checked="true" dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>Book the room</span></p></li><li role="checkbox" aria-checked="false" dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>Send invites</span></p></li></ul></b><br class="Apple-interchange-newline">`;

/** What Word puts on the clipboard: conditional comments, Office XML and text bullets. */
const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--></head><body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment--><h2 style='mso-outline-level:2'><a name="_Toc1234"></a>Risks<o:p></o:p></h2><p class=MsoNormal>Budget is <b>fixed</b><span style='mso-spacerun:yes'>  </span>for Q3.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Vendor delay<o:p></o:p></p><p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Chips<o:p></o:p></p><p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span></span><![endif]>Staffing<o:p></o:p></p><p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>Ask finance<o:p></o:p></p><p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span><![endif]>Decide<o:p></o:p></p><!--EndFragment--></body></html>`;

/** A web page selection: classes, ids, inline scripts and a tracking pixel. */
const webPage = `<div class="article-body" id="main"><h3 id="install" class="anchor">Install</h3><p style="color: red; font-size: 18px">Run <code class="lang-sh">npm install</code> then <a href="https://example.com/docs" class="link" onclick="track()">read the docs</a>.</p><script>alert(1)</script><img src="javascript:alert(1)"><table class="data" style="width:100%"><colgroup><col width="50"></colgroup><tr><th style="background:#eee">Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table></div>`;

function collect(node: JSONContent, type: string, found: JSONContent[] = []): JSONContent[] {
  if (node.type === type) found.push(node);
  for (const child of node.content ?? []) collect(child, type, found);
  return found;
}

function text(node: JSONContent): string {
  return node.text ?? (node.content ?? []).map(text).join('');
}

describe('cleanPastedHTML', () => {
  it.each([
    ['blockquote', '<blockquote>', '</blockquote>'],
    ['list', '<ul><li>', '</li></ul>'],
    ['div', '<div>', '</div>'],
  ])(
    'flattens %s nesting far past the depth limit into content that fits it, text kept',
    (_, open, close) => {
      const levels = 400;
      const html = `${open.repeat(levels)}<p>deep words</p>${close.repeat(levels)}<p>after</p>`;
      const doc = htmlToJSON(cleanPastedHTML(html));
      expect(findDocumentExcess(doc, documentLimits)).toEqual([]);
      expect(text(doc)).toContain('deep words');
      expect(text(doc)).toContain('after');
    },
  );

  it('keeps Google Docs structure and real marks but not the bold wrapper', () => {
    const cleaned = cleanPastedHTML(googleDocs);
    expect(cleaned).not.toContain('docs-internal-guid');
    expect(cleaned).not.toContain('font-family');
    expect(cleaned).not.toContain('<meta');
    expect(cleaned).not.toContain('dir=');

    const doc = htmlToJSON(cleaned);
    const headings = collect(doc, 'heading');
    expect(headings.map((h) => [h.attrs?.level, text(h)])).toEqual([[1, 'Launch plan']]);
    const bold = collect(doc, 'text').filter((t) => t.marks?.some((m) => m.type === 'bold'));
    expect(bold.map((t) => t.text)).toEqual(['Friday']);
    const italic = collect(doc, 'text').filter((t) => t.marks?.some((m) => m.type === 'italic'));
    expect(italic.map((t) => t.text)).toEqual([' after review']);

    const [list] = collect(doc, 'bulletList');
    expect(list?.content?.map(text)).toEqual(['DocsAPI reference', 'Blog post']);
    const nested = collect(list ?? {}, 'bulletList').slice(1);
    expect(nested.map(text)).toEqual(['API reference']);

    const tasks = collect(doc, 'taskItem');
    expect(tasks.map((t) => [text(t), t.attrs?.checked])).toEqual([
      ['Book the room', true],
      ['Send invites', false],
    ]);
  });

  it('turns Word paragraphs into clean lists without bullet glyphs or Office markup', () => {
    const cleaned = cleanPastedHTML(word);
    expect(cleaned).not.toMatch(/mso-|Mso|o:p|<!--|StartFragment|·/);

    const doc = htmlToJSON(cleaned);
    expect(collect(doc, 'heading').map(text)).toEqual(['Risks']);
    expect(collect(doc, 'paragraph').filter((p) => text(p).trim() === '')).toHaveLength(0);
    const bold = collect(doc, 'text').filter((t) => t.marks?.some((m) => m.type === 'bold'));
    expect(bold.map((t) => t.text)).toEqual(['fixed']);

    const [bullets] = collect(doc, 'bulletList');
    expect(bullets?.content?.map(text)).toEqual(['Vendor delayChips', 'Staffing']);
    expect(
      collect(bullets ?? {}, 'bulletList')
        .slice(1)
        .map(text),
    ).toEqual(['Chips']);
    const [numbers] = collect(doc, 'orderedList');
    expect(numbers?.content?.map(text)).toEqual(['Ask finance', 'Decide']);
  });

  it('drops scripts, event handlers, classes, ids and presentational styles from web pages', () => {
    const cleaned = cleanPastedHTML(webPage);
    expect(cleaned).not.toMatch(/<script|onclick|javascript:|class=|id=|color|width|colgroup/);
    expect(cleaned).toContain('href="https://example.com/docs"');

    const doc = htmlToJSON(cleaned);
    expect(collect(doc, 'heading').map((h) => [h.attrs?.level, text(h)])).toEqual([[3, 'Install']]);
    expect(collect(doc, 'image')).toHaveLength(0);
    expect(collect(doc, 'table')).toHaveLength(1);
    expect(collect(doc, 'tableHeader').map(text)).toEqual(['Key', 'Value']);
    const link = collect(doc, 'text').find((t) => t.marks?.some((m) => m.type === 'link'));
    expect(link?.text).toBe('read the docs');
  });

  it('leaves plain, already clean HTML alone', () => {
    const html = '<p>Hello <strong>world</strong></p><ul><li><p>one</p></li></ul>';
    expect(cleanPastedHTML(html)).toBe(html);
  });
});
