/* The guide's service worker: its fixed code. hooks/offline_cache.py writes sw.js at the
   site's root as `const VERSION = ...; const FILES = {...};` followed by this file.
   FILES maps each file of the site (URL relative to the site's root, a page by its folder)
   to a hash of its content; VERSION is a hash of that list.

   - install: fill the cache of this version with every file (a file whose hash is unchanged
     is copied from an older version's cache, so an update downloads only what changed; a
     downloaded file must have its listed hash). One failed download fails the install; the browser tries again at the next visit and the
     files already stored are kept (a slow phone connection resumes).
   - the new version waits while a page of the old one is open; the page shows a notice and
     posts SKIP_WAITING when the student asks to reload (docs/assets/offline.js).
   - activate: delete this site's caches of other versions.
   - fetch: every file of the site from this version's cache, else the network: a page and
     what it loads always come from the same version. */
"use strict";

const SCOPE = self.registration.scope;               // the site's root, ending in "/"
const PREFIX = "guide " + SCOPE + " ";                // caches are shared by the whole origin
const CACHE = PREFIX + VERSION;
const HASH_HEADER = "X-Guide-File-Hash";
const PARALLEL = 6;

function keyOf(url) {
  const key = new URL(url, SCOPE);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/index.html")) key.pathname = key.pathname.slice(0, -"index.html".length);
  return key.href;
}

async function stored(caches_, key, hash) {
  for (const cache of caches_) {
    const response = await cache.match(key);
    if (response && response.headers.get(HASH_HEADER) === hash) return response;
  }
  return null;
}

async function digest(bytes) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(sum.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function download(key, hash) {
  const response = await fetch(new Request(key, { cache: "reload", credentials: "same-origin" }));
  if (!response.ok) throw new Error("offline copy: " + key + " answered " + response.status);
  // The file must be the one this version lists: right after a deploy, a server or its CDN
  // may still hand out some old files, and a cache of two versions would mix them.
  const bytes = await response.arrayBuffer();
  if ((await digest(bytes)) !== hash) throw new Error("offline copy: " + key + " is not this version's yet");
  // A fresh response (not marked as redirected, which a page may not be), tagged with its
  // hash; the body is decoded already, so the transfer's encoding and length go.
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(HASH_HEADER, hash);
  return new Response(bytes, { status: 200, statusText: "OK", headers });
}

async function fill() {
  const cache = await caches.open(CACHE);
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  const older = await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.open(name)));
  const queue = Object.keys(FILES);
  async function worker() {
    while (queue.length) {
      const path = queue.shift();
      const key = new URL(path, SCOPE).href;
      const hash = FILES[path];
      const current = await cache.match(key);
      if (current && current.headers.get(HASH_HEADER) === hash) continue;
      await cache.put(key, (await stored(older, key, hash)) || (await download(key, hash)));
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

self.addEventListener("install", (event) => event.waitUntil(fill()));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
  await self.clients.claim();  // the first visit's page too: its next requests come from the cache
})()));

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(keyOf(request.url));
  return hit || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || request.headers.has("range")) return;
  event.respondWith(answer(request));
});
