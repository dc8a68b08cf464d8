// kyso's service worker: the page keeps working when the intranet goes away.
//
// Same origin, no library. scripts/sw-precache.mjs (a Trunk post_build hook) fills in
// BUILD below: the build's version (a hash of every file of dist/) and each file with
// its SHA-256. Why it is shaped this way:
//
// - One cache per build ("kyso-<version>"), filled completely and checked byte for byte
//   against the hashes before the worker may take over: a half-copied deployment (new
//   index.html, old fixed-name worker files) fails the install and the old version
//   keeps serving, whole. Files whose names carry no hash (boot.js, the SHA-256 worker,
//   the fonts) are therefore never mixed across versions either.
// - A new version waits until no page runs the old one; boot.js asks it to take over
//   only at start-up, before the app runs, and then reloads once (nothing is lost);
//   the worker agrees only when that page is the site's only one (see 'message').
//   On activation the caches of every other build are deleted.
// - Only the files of the build are ever answered from the cache. Anything else —
//   above all the deployer's trust folder (./trust/: bundle.pem, CRLs with their
//   nextUpdate) — goes to the network untouched and is never stored, so an old CRL
//   can never be served after its nextUpdate.
// - Without BUILD (a debug build, or the hook did not run) the worker removes kyso's
//   caches and unregisters itself: nothing stale can stick.

/* kyso-build */ const BUILD = null;

const PREFIX = 'kyso-';
const scope = new URL(self.registration.scope);
const cacheName = BUILD ? PREFIX + BUILD.version : null;
// Path of each precached file, relative to the scope ("index.html", "fonts/…").
const files = new Map(BUILD ? BUILD.files.map((f) => [f.path, f.sha256]) : []);

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  const cache = await caches.open(cacheName);
  for (const [path, sha256] of files) {
    const url = new URL(path, scope);
    // 'no-cache': the server confirms every file (a 304 reuses what the page just
    // loaded, so the first visit does not download the build twice); the SHA-256 below
    // then proves it is this version's file, whatever cache it came through.
    const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`kyso: ${path}: HTTP ${response.status}`);
    const body = await response.clone().arrayBuffer();
    const got = hex(await crypto.subtle.digest('SHA-256', body));
    if (got !== sha256) {
      // The server holds another version of this file: a deployment in progress.
      throw new Error(`kyso: ${path} does not match this version (SHA-256 ${got})`);
    }
    await cache.put(url, response);
  }
}

self.addEventListener('install', (event) => {
  if (!BUILD) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    precache().catch(async (error) => {
      await caches.delete(cacheName);
      throw error;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== cacheName) await caches.delete(name);
      }
      if (!BUILD) await self.registration.unregister();
    })(),
  );
});

// boot.js, from a page that is starting and has not run the app yet: "a new version is
// waiting: take over". Only when that page is the only one of the site: a second tab
// still runs the old version's app, which would otherwise lose its files (the old
// cache goes on activation) and load later ones (the writer, the fonts) from the new
// version. The page is told either way, so it never waits on a guess.
self.addEventListener('message', (event) => {
  if (event.data !== 'kyso-activate' || !event.source) return;
  event.waitUntil(
    (async () => {
      // Windows of this site only: the intranet's other pages share the origin.
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const site = windows.filter((client) => client.url.startsWith(self.registration.scope));
      const alone = site.every((client) => client.id === event.source.id);
      event.source.postMessage(alone ? 'kyso-activating' : 'kyso-busy');
      if (alone) await self.skipWaiting();
    })(),
  );
});

/** The precached path a request asks for, or null when it is not ours to answer. */
function precachedPath(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const path = url.pathname.slice(scope.pathname.length);
  // The page itself, however it is asked for (./, ./index.html, ./?hash=wasm#kiem-tra).
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) return 'index.html';
  // Other files only by exact name and without a query: ./trust/… is never one of them.
  return url.search === '' && files.has(path) ? path : null;
}

self.addEventListener('fetch', (event) => {
  if (!BUILD) return;
  const path = precachedPath(event.request);
  if (path === null) return;
  event.respondWith(
    (async () => {
      // caches.match with a cacheName never creates the cache: when a newer version
      // has just removed this one, the request goes to the network instead of leaving
      // an empty old cache behind.
      const hit = await caches.match(new URL(path, scope), { cacheName });
      return hit ?? fetch(event.request);
    })(),
  );
});
