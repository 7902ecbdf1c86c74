/** `index` brought into `0…count - 1`, going round at both ends; 0 when there is nothing. */
export function wrapIndex(index: number, count: number): number {
  return count === 0 ? 0 : ((index % count) + count) % count;
}
