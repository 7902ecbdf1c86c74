/**
 * Registers `/sw.js`, which keeps the app shell so pages saved on this device open offline.
 * Only production builds have one; a browser that refuses (private mode, say) simply works
 * online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Nothing to do: without it the app still works while online.
    });
  });
}
