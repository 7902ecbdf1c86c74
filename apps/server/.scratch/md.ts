import * as Y from 'yjs';
import { readTrace, editingTracesDir } from '../../../packages/collab/src/test/editingTraces';
import { yDocToJSON, jsonToMarkdown, jsonToPlainText, jsonToHTML } from '@lore/schema';
const dir = editingTracesDir()!;
for (const [name, path] of [['ap','sequential_traces/automerge-paper.json.gz'],['cs','concurrent_traces/clownschool.json.gz'],['ff','concurrent_traces/friendsforever.json.gz']]) {
const trace = readTrace<any>(dir, path);
const doc = new Y.Doc();
const p = new Y.XmlElement('paragraph'); const t = new Y.XmlText();
doc.getXmlFragment('default').insert(0,[p]); p.insert(0,[t]);
t.insert(0, trace.endContent);
const json = yDocToJSON(doc, 'default');
const md = jsonToMarkdown(json); const txt = jsonToPlainText(json); const html = jsonToHTML(json);
const words = (s: string) => s.match(/[A-Za-z0-9]+/g) ?? [];
const a = words(trace.endContent), b = words(md), c = words(txt);
console.log(name, md.length, txt.length, trace.endContent.length, txt === trace.endContent, JSON.stringify(a)===JSON.stringify(b), a.length, b.length);
let i=0; while (i<a.length && a[i]===b[i]) i++; console.log(i, a.slice(i,i+5), b.slice(i,i+5));
console.log(JSON.stringify(md.slice(0,300)));
}
