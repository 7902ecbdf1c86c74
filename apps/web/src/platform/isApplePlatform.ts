/** Apple keyboards use ⌘ where others use Ctrl for shortcuts. */
export const isApplePlatform: boolean = /Mac|iPhone|iPad/.test(
  navigator.platform || navigator.userAgent,
);
