import * as Y from 'yjs';
import { readTrace, editingTracesDir, type SequentialTrace } from '../../../packages/collab/src/test/editingTraces';
import { documentSchemaGuard } from '../src/collab/documentSchemaGuard';
const dir = editingTracesDir()!;
const trace = readTrace<SequentialTrace>(dir, 'sequential_traces/automerge-paper.json.gz');
const doc = new Y.Doc();
const p = new Y.XmlElement('paragraph'); const t = new Y.XmlText();
doc.getXmlFragment('default').insert(0,[p]); p.insert(0,[t]);
const guard = documentSchemaGuard();
let guardMs = 0; let n=0;
doc.on('afterTransaction', (tr: Y.Transaction) => { const s=performance.now(); guard({docId:'x', doc, transaction: tr}); guardMs += performance.now()-s; });
const s = performance.now();
for (const txn of trace.txns) for (const [pos, del, ins] of txn.patches) {
  doc.transact(() => { if (del) t.delete(pos, del); if (ins) t.insert(pos, ins); });
  n++;
  if (n % 50000 === 0) { let items=0; for (let it=t._start; it; it=it.right) items++; console.log(n, 'items', items, 'guardMs', guardMs.toFixed(0), 'total', (performance.now()-s).toFixed(0)); }
}
console.log(t.toString() === trace.endContent, guardMs, performance.now()-s);
