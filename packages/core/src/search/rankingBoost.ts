const day = 86_400_000;
/** Days after which an edit's recency boost has halved. */
const recencyHalfLifeDays = 90;

/**
 * The factor (1 to 1.6) a page's text relevance is multiplied by: up to +0.3 for a recent edit
 * (halving every 90 days) and up to +0.3 for being opened often (logarithmic, full at 1,000
 * views). Big enough to order similar matches, too small to lift a weak match over a strong one.
 */
export function rankingBoost(updatedAt: number, views: number, now: number): number {
  const ageDays = Math.max(0, now - updatedAt) / day;
  const recency = 0.5 ** (ageDays / recencyHalfLifeDays);
  const popularity = Math.min(1, Math.log10(1 + Math.max(0, views)) / 3);
  return 1 + 0.3 * recency + 0.3 * popularity;
}
