// Lore's service worker, built into /sw.js with the list of files to keep (see
// build/serviceWorkerPlugin.ts). It keeps the app shell, index.html and the built assets, so
// that pages saved on this device open without a connection. API calls and the collaboration
// socket always go to the network: page content offline comes from IndexedDB, not from here.

const manifest = __PRECACHE_MANIFEST__;
const cacheName = `lore-shell-${manifest.version}`;
const shellPrefix = 'lore-shell-';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) =>
        cache.addAll(manifest.urls.map((url) => new Request(url, { cache: 'reload' }))),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(shellPrefix) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Addresses the server answers itself, never with the app. */
const serverPaths = /^\/(api|collab|healthz)(\/|$)/;

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || serverPaths.test(url.pathname)) return;

  // Pages: the network first, so a new version is picked up at once; the kept shell offline.
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('/index.html', { cacheName }).then((cached) => cached ?? Response.error()),
      ),
    );
    return;
  }

  // Built assets never change under the same name: the kept copy is always right.
  if (url.pathname.startsWith('/assets/') || manifest.urls.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});
