import { readTrace, editingTracesDir } from '../../../packages/collab/src/test/editingTraces';
const dir = editingTracesDir()!;
for (const n of ['clownschool','friendsforever']) { const t = readTrace<any>(dir, `concurrent_traces/${n}.json.gz`); console.log(n, t.numAgents, t.txns.length, t.txns.reduce((s:number,x:any)=>s+x.patches.length,0), t.endContent.length, JSON.stringify(t.endContent.slice(0,200))); }
const a = readTrace<any>(dir, 'sequential_traces/automerge-paper.json.gz'); console.log(a.endContent.length, JSON.stringify(a.endContent.slice(0,300)), /[^\x00-\x7f]/.test(a.endContent));
