/** Starts the line on which a server under test reports its memory (see gcOnSignal.mjs). */
export const memoryMarker = '@@bench-memory ';
