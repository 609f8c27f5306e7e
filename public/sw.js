// SCPO Field service worker: plain JavaScript, so it handles its first events without waiting for
// wasm to load.
//
// - install:  precache exactly the files of this build (the list below), bypassing the HTTP cache.
// - activate: delete every cache but this build's.
// - fetch:    same-origin GETs of precached files are answered from the cache (network only if the
//             cache misses); navigations get the cached index.html, so app routes such as
//             /nominal/N-001 open offline. Nothing else is ever cached. The team server's own
//             addresses, /api and /supervise (the supervisor's desk) and everything under them,
//             are never answered here: they always go to the network, so a browser that once
//             opened the app still gets the desk (or, offline, the browser's own error page).
// - A new worker waits until the page posts {type: 'SKIP_WAITING'} (the app asks the officer
//   first), so a page never runs with files from two builds.
'use strict';

// The line below is replaced at build time by scripts/precache.mjs (Trunk post_build hook) with
// this build's file list and a cache name derived from those files' contents. Keep it on one line.
const PRECACHE = { cacheName: 'scpo-field-unbuilt', files: [] }; // @precache-manifest

// Paths relative to this script, which is served at the root of the app's scope.
const urlOf = (file) => new URL(file, self.location.href);
const PRECACHED_PATHS = new Set(PRECACHE.files.map((file) => urlOf(file).pathname));
const INDEX_URL = urlOf('index.html').href;

/** The team server's addresses (root-relative, as the server routes them): never the app's. */
const SERVER_PATHS = ['/api', '/supervise'];
const isServerPath = (pathname) =>
  SERVER_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE.cacheName)
      .then((cache) =>
        cache.addAll(PRECACHE.files.map((file) => new Request(urlOf(file), { cache: 'reload' }))),
      ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name !== PRECACHE.cacheName).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

/** The cached response for `url`, else the network's answer to `request`. */
async function cacheFirst(url, request) {
  const cache = await caches.open(PRECACHE.cacheName);
  const cached = await cache.match(url);
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isServerPath(url.pathname)) return;

  if (PRECACHED_PATHS.has(url.pathname)) {
    event.respondWith(cacheFirst(url.origin + url.pathname, request));
  } else if (request.mode === 'navigate') {
    event.respondWith(cacheFirst(INDEX_URL, request));
  }
  // Anything else goes to the network as if there were no service worker.
});
