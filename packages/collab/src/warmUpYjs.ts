import * as Y from 'yjs';

/**
 * Runs the Yjs code paths a page open takes (decode a large state, encode it for a client, diff
 * against a state vector) on a throwaway document of typed text, so V8 has compiled them before
 * the first person opens a page. Without it the first open of a large page after a restart pays
 * several times the steady cost (measured in docs/benchmarks.md, "cold open after restart").
 * Takes about a hundred milliseconds once, at start; returns the time it took.
 */
export function warmUpYjs(keystrokes = 5_000): number {
  const started = performance.now();
  const source = new Y.Doc();
  const fragment = source.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  fragment.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const title = source.getText('title');
  // A deterministic walk of the caret: mostly typing forward, sometimes jumping or deleting,
  // which produces the many small items real editing leaves behind.
  let caret = 0;
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < keystrokes; i++) {
    const roll = next() % 100;
    if (roll < 3) caret = next() % (text.length + 1);
    if (roll < 10 && caret > 0) {
      text.delete(caret - 1, 1);
      caret--;
    } else {
      text.insert(caret, String.fromCharCode(97 + (next() % 26)));
      caret++;
    }
  }
  title.insert(0, 'warm-up');
  const state = Y.encodeStateAsUpdate(source);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  const vector = Y.encodeStateVector(copy);
  Y.encodeStateAsUpdate(copy, vector);
  Y.diffUpdate(state, new Uint8Array([0]));
  copy.getXmlFragment('default').toJSON();
  source.destroy();
  copy.destroy();
  return performance.now() - started;
}
