import * as Y from 'yjs';
import { readTrace, editingTracesDir } from '../../../packages/collab/src/test/editingTraces';
import { yDocToJSON, jsonToMarkdown, jsonToHTML } from '@lore/schema';
const dir = editingTracesDir()!;
const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&lt;/g,'<').replace(/&gt;/g,'>').replace(/&quot;/g,'"').replace(/&#39;/g,"'").replace(/&amp;/g,'&');
for (const [name, path] of [['ap','sequential_traces/automerge-paper.json.gz'],['cs','concurrent_traces/clownschool.json.gz'],['ff','concurrent_traces/friendsforever.json.gz']]) {
const trace = readTrace<any>(dir, path);
const doc = new Y.Doc();
const p = new Y.XmlElement('paragraph'); const t = new Y.XmlText();
doc.getXmlFragment('default').insert(0,[p]); p.insert(0,[t]);
t.insert(0, trace.endContent);
const json = yDocToJSON(doc, 'default');
const md = jsonToMarkdown(json); const html = jsonToHTML(json);
const words = (s: string) => s.match(/[A-Za-z0-9]+/g) ?? [];
const a = words(trace.endContent), b = words(decode(md));
console.log(name, JSON.stringify(a)===JSON.stringify(b), a.length, b.length, html.slice(0,80));
const h = decode(html.replace(/^<p>/, '').replace(/<\/p>\s*$/, ''));
console.log('html exact', h === trace.endContent, /<[a-z]/.test(html.slice(3, -5)));
let i=0; while (i<a.length && a[i]===b[i]) i++; console.log(i, a.slice(i,i+5), b.slice(i,i+5));
}
