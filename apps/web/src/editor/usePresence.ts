import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Someone with the page open, from the awareness state their editor shares. */
export interface Present {
  /** Their user id, or the awareness client id for a peer that did not say. */
  key: string;
  name: string;
  color: string;
  isSelf: boolean;
}

interface SharedUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

function readPresence(awareness: Awareness): Present[] {
  const byKey = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: SharedUser }).user;
    if (!user || typeof user.name !== 'string') continue;
    const isSelf = clientId === awareness.clientID;
    const key = typeof user.id === 'string' ? user.id : `client-${clientId}`;
    // The same person in two tabs is listed once.
    if (byKey.has(key) && !isSelf) continue;
    byKey.set(key, {
      key,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#888888',
      isSelf,
    });
  }
  return [...byKey.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
  );
}

/** Who is on the page right now, yourself first, updating as people come and go. */
export function usePresence(awareness: Awareness): Present[] {
  const [present, setPresent] = useState(() => readPresence(awareness));
  useEffect(() => {
    // Awareness changes with every caret move; only a change of who is here re-renders.
    const update = () => {
      const next = readPresence(awareness);
      setPresent((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return present;
}
