import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A number that goes up once the document has been quiet for `quietMs` after a change from
 * anyone, so data derived on the server (history, last edit) can be fetched again after an
 * edit has had time to arrive there, without a request per keystroke.
 */
export function useDocChanges(doc: Y.Doc | null, quietMs: number): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setGeneration((n) => n + 1), quietMs);
    };
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, quietMs]);
  return generation;
}
