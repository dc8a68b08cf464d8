// The sample server configurations of deploy/ (README, "Deploying dist/"), run as
// written — only the path of dist/ and the port changed — with Debian's nginx and
// Apache httpd: the page loads under /kyso/ and reads a certificate in Chromium, and
// the headers the guide promises are there (wasm MIME type, CSP, caching, 404 for an
// absent trust bundle, compression). IIS's web.config cannot run on this machine.
//
//   cd tests/e2e && node --test deploy.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, G2_LEAF, NOW, dist, repo } from './harness.mjs';

/** The page's wasm as Trunk names it: a hash of 1 to 16 hex digits (not padded). */
const HASHED_WASM = /^kyso-web-[0-9a-f]{1,16}_bg\.wasm$/;
/** Copies under names whose hash has 15 digits, as one build in sixteen has. */
const SHORT_WASM = 'kyso-web-0123456789abcde_bg.wasm';
const SHORT_CSS = 'kyso-0123456789abcde.css';

/** A free port on 127.0.0.1. */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * dist/ copied where the server's unprivileged workers may read it (a test's temporary
 * folders are private), as /srv/kyso/dist is in the samples.
 */
async function site() {
  const root = await mkdtemp(join(tmpdir(), 'kyso-deploy-'));
  await chmod(root, 0o755);
  await cp(dist, join(root, 'dist'), { recursive: true });
  const files = await readdir(dist);
  await cp(join(dist, files.find((f) => HASHED_WASM.test(f))), join(root, 'dist', SHORT_WASM));
  await cp(join(dist, files.find((f) => /^kyso-[0-9a-f]{1,16}\.css$/.test(f))), join(root, 'dist', SHORT_CSS));
  execFileSync('chmod', ['-R', 'a+rX', root]);
  return root;
}

async function waitForPort(port, child, log) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${await readFile(log, 'utf8').catch(() => '')}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('server did not start');
}

const SERVERS = {
  async nginx(root, port) {
    const sample = await readFile(join(repo, 'deploy', 'nginx', 'kyso.conf'), 'utf8');
    await writeFile(join(root, 'kyso.conf'), sample.replaceAll('/srv/kyso/dist/', `${root}/dist/`));
    await cp('/etc/nginx/mime.types', join(root, 'mime.types'));
    const conf = join(root, 'nginx.conf');
    await writeFile(
      conf,
      `daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${root}/tmp;
  proxy_temp_path ${root}/tmp;
  fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp;
  scgi_temp_path ${root}/tmp;
  server {
    listen 127.0.0.1:${port};
    include ${root}/kyso.conf;
  }
}
`,
    );
    return spawn('nginx', ['-p', root, '-c', conf], { stdio: 'ignore' });
  },
  async apache(root, port) {
    const sample = await readFile(join(repo, 'deploy', 'apache', 'kyso.conf'), 'utf8');
    await writeFile(join(root, 'kyso.conf'), sample.replaceAll('/srv/kyso/dist', `${root}/dist`));
    const mods = '/usr/lib/apache2/modules';
    const load = ['mpm_event', 'authz_core', 'mime', 'headers', 'alias', 'dir', 'filter', 'deflate'];
    const conf = join(root, 'httpd.conf');
    await writeFile(
      conf,
      `ServerRoot ${root}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${root}/httpd.pid
ErrorLog ${root}/error.log
User www-data
Group www-data
${load.map((m) => `LoadModule ${m}_module ${mods}/mod_${m}.so`).join('\n')}
TypesConfig /etc/mime.types
DocumentRoot ${root}/empty
<Directory />
    Require all denied
</Directory>
Include ${root}/kyso.conf
`,
    );
    await mkdir(join(root, 'empty'));
    return spawn('apache2', ['-f', conf, '-DFOREGROUND'], { stdio: 'ignore' });
  },
};

for (const [name, start] of Object.entries(SERVERS)) {
  const binary = name === 'nginx' ? 'nginx' : 'apache2';
  test(`deploy/${name}: the sample serves the page under /kyso/ with the headers the guide promises`, async () => {
    // scripts/tools.sh installs both; a missing server is a failure, not a skip.
    execFileSync('sh', ['-c', `command -v ${binary}`]);
    const root = await site();
    // A port found free may be taken again before the server binds it; then another
    // listener answers, or the server exits. Only our server's own answer counts.
    let port;
    let child;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      child = await start(root, port);
      try {
        await waitForPort(port, child, join(root, 'error.log'));
        const r = await fetch(`http://127.0.0.1:${port}/kyso/`);
        await r.arrayBuffer();
        if (child.exitCode === null && new RegExp(name, 'i').test(r.headers.get('server') || '')) break;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
      child.kill('SIGTERM');
      if (attempt >= 2) throw new Error(`${name} did not answer on its own port`);
    }
    try {
      const base = `http://127.0.0.1:${port}/kyso/`;
      const get = (path, headers = {}) => fetch(base + path, { headers });

      const index = await get('');
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type'), /^text\/html/);
      const csp = index.headers.get('content-security-policy') || '';
      for (const part of ["script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "frame-ancestors 'none'"]) {
        assert.ok(csp.includes(part), `CSP has ${part}: ${csp}`);
      }
      assert.equal(index.headers.get('cache-control'), 'no-cache');
      assert.equal(index.headers.get('x-content-type-options'), 'nosniff');

      // Trunk writes its hash unpadded ("{:x}"): one build in sixteen has 15 digits or
      // fewer, and such a build once failed CI here. The short-named copies made by
      // site() stand for that build, whatever this one's hash is.
      const files = await readdir(dist);
      const wasmName = files.find((f) => HASHED_WASM.test(f));
      assert.ok(wasmName, `a hashed page wasm in dist/ (${files})`);
      for (const name of [wasmName, SHORT_WASM]) {
        const wasm = await get(name, { 'accept-encoding': 'gzip' });
        assert.equal(wasm.status, 200, name);
        assert.equal(wasm.headers.get('content-type'), 'application/wasm', name);
        assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable', name);
        assert.equal(wasm.headers.get('content-encoding'), 'gzip', `${name} is compressed on the wire`);
        await wasm.arrayBuffer();
      }
      for (const name of [files.find((f) => /^kyso-[0-9a-f]{1,16}\.css$/.test(f)), SHORT_CSS]) {
        const css = await get(name);
        assert.equal(css.status, 200, name);
        assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable', name);
        await css.arrayBuffer();
      }

      for (const fixed of ['sw.js', 'boot.js', 'kyso-hash-worker.js', 'kyso-writer.js']) {
        const r = await get(fixed);
        assert.equal(r.status, 200, fixed);
        assert.match(r.headers.get('content-type'), /javascript/, fixed);
        assert.equal(r.headers.get('cache-control'), 'no-cache', `${fixed} keeps its name across versions: revalidated`);
        await r.arrayBuffer();
      }
      const bundle = await get('trust/bundle.pem');
      assert.equal(bundle.status, 404, 'an absent trust bundle is a 404, not the page');
      await bundle.arrayBuffer();

      // And the page itself works from there.
      const profile = await mkdtemp(join(tmpdir(), 'kyso-deploy-profile-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const problems = [];
        const foreign = [];
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('console', (m) => {
          // The optional trust bundle and folder are absent here: their 404s are expected.
          const url = m.location()?.url ?? '';
          if (m.type() === 'error' && !/\/trust\/(bundle\.pem|index\.json)$/.test(url)) problems.push(m.text());
        });
        context.on('request', (r) => {
          if (!r.url().startsWith('data:') && new URL(r.url()).origin !== `http://127.0.0.1:${port}`) foreign.push(r.url());
        });
        await page.clock.setFixedTime(NOW);
        await page.goto(base);
        await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF]);
        await page.locator('[data-testid=cert-card][data-serial="75580955FC81D6A7"], [data-testid=cert-card]').first().waitFor();
        assert.match(await page.locator('[data-testid=cert-card]').first().innerText(), /TỔNG CỤC THUẾ/);
        assert.deepEqual(problems, []);
        assert.deepEqual(foreign, []);
      } finally {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      await rm(root, { recursive: true, force: true });
    }
  });
}
