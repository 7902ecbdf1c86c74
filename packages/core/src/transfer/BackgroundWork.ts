/** Work that goes on in the background (search indexing) and can step aside for a bulk write. */
export interface BackgroundWork {
  /**
   * Runs `work` while holding the background work back, then lets it catch up: a bulk import
   * writes faster without the background taking turns between its pages.
   */
  pauseWhile<T>(work: () => Promise<T>): Promise<T>;
}
