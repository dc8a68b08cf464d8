// Trunk post_build hook (Trunk.toml): writes the list of the build's files, each with
// its SHA-256, and the build's version into the service worker (static/sw.js → sw.js).
//
// Trunk hashes the names of the page's wasm, JS and CSS, but not of boot.js, the
// SHA-256 worker's files or the fonts; the version is therefore a hash of every file's
// bytes, so any change to any of them makes a new cache, installed whole and checked.
//
//   node scripts/sw-precache.mjs [DIR]     (DIR: $TRUNK_STAGING_DIR, else dist/)
//
// A debug build (TRUNK_PROFILE=debug, `trunk serve`) leaves BUILD null: its worker
// clears kyso's caches and unregisters, so development never runs stale files.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
const WORKER = 'sw.js';
const MARK = '/* kyso-build */ const BUILD = null;';
// Never precached: the worker itself (the browser checks it on every start), and the
// deployer's trust folder (its CRLs expire; it is also not part of a build).
const skip = (path) => path === WORKER || path.startsWith('trust/');

async function walk(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const files = [];
for (const full of await walk(dir)) {
  const path = relative(dir, full).split(sep).join('/');
  if (skip(path)) continue;
  const sha256 = createHash('sha256').update(await readFile(full)).digest('hex');
  files.push({ path, sha256 });
}
files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
if (!files.some((f) => f.path === 'index.html')) {
  throw new Error(`sw-precache: no index.html in ${dir}`);
}
const version = createHash('sha256')
  .update(files.map((f) => `${f.path}\0${f.sha256}\n`).join(''))
  .digest('hex')
  .slice(0, 16);

const workerPath = join(dir, WORKER);
const source = await readFile(workerPath, 'utf8');
if (!source.includes(MARK)) throw new Error(`sw-precache: ${workerPath} lacks the line ${MARK}`);
const build = release ? JSON.stringify({ version, files }) : 'null';
await writeFile(workerPath, source.replace(MARK, `/* kyso-build */ const BUILD = ${build};`));
console.log(
  release
    ? `sw-precache: version ${version}, ${files.length} files precached`
    : 'sw-precache: debug build, the service worker only clears old caches',
);
