// query.mjs: a first query with Lumen's search and with Pagefind's, on the
// same built site, in headless Chromium.
//
// Usage: node query.mjs [--throttle] <public-dir> <query>...
//
// <public-dir> is a site built by Lumen (its index in search/) and then
// indexed by Pagefind (its index in pagefind/). For each query and each
// search, a new browser profile (nothing cached) opens a page that runs the
// query and shows ten results, each with its title, address and snippet:
//
//   Lumen     /search/?q=…, the site's own search page;
//   Pagefind  /pagefind-bench/?q=…, a page this script writes into
//             <public-dir>, which imports /pagefind/pagefind.js, calls
//             search() and loads the data of the first ten results, as
//             Pagefind's own interface does for each result it shows.
//
// The server sends text gzip-compressed, as most hosts do. With --throttle,
// Chromium emulates a weak mobile connection (Lighthouse's "slow 4G": 150
// ms round trips, 1.6 Mbit/s down, 750 kbit/s up).
//
// Prints one JSON line per query and search: the time from the start of
// navigation to ten results on screen (ms) and from the request for the
// search's script to the same (scriptMs), the number of requests and
// bytes sent over the network for the search (its script and index files;
// and, apart, the page that runs it: for Lumen the search page, for
// Pagefind a blank one) and the number of results.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const here = path.dirname(new URL(import.meta.url).pathname);
const browserTools = path.join(here, '..', '..', 'tests', 'browser');
const { chromium } = createRequire(path.join(browserTools, 'package.json'))('playwright-core');
const { serveSite } = await import(path.join(browserTools, 'serve.mjs'));

const args = process.argv.slice(2);
const throttle = args[0] === '--throttle';
if (throttle) args.shift();
const [rootArg, ...queries] = args;
if (!rootArg || queries.length === 0) {
  console.error('usage: node query.mjs [--throttle] <public-dir> <query>...');
  process.exit(2);
}
const root = path.resolve(rootArg);
for (const need of ['search/meta.json', 'pagefind/pagefind.js']) {
  if (!fs.existsSync(path.join(root, need))) {
    console.error(`${root} has no ${need}: build it with Lumen, then index it with Pagefind`);
    process.exit(2);
  }
}

// The Pagefind page: ten results, each with its title, address and
// excerpt, as Lumen's search page shows them.
fs.mkdirSync(path.join(root, 'pagefind-bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'pagefind-bench', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><ol id="results"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
const found = await pagefind.search(q);
const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
const list = document.getElementById('results');
for (const d of data) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title;
  const p = document.createElement('p');
  p.innerHTML = d.excerpt;
  li.append(a, p);
  list.append(li);
}
document.body.dataset.done = String(found.results.length);
</script></body></html>
`);

const engines = {
  lumen: {
    url: (q) => `/search/?q=${encodeURIComponent(q)}`,
    script: '^/js/search\\.',
    // The search's own files, and the page that runs it.
    counts: (u) => u.pathname.startsWith('/search/') && u.pathname !== '/search/' || /^\/js\/search\./.test(u.pathname),
    done: async (page) => {
      await page.waitForFunction(() => {
        const s = document.getElementById('search-status');
        return s && s.textContent !== '' && s.textContent !== 'Searching…';
      }, null, { timeout: 60_000 });
      return page.$$eval('#search-results li', (li) => li.length);
    },
  },
  pagefind: {
    url: (q) => `/pagefind-bench/?q=${encodeURIComponent(q)}`,
    script: '^/pagefind/pagefind\\.js$',
    counts: (u) => u.pathname.startsWith('/pagefind/'),
    done: async (page) => {
      await page.waitForFunction(() => document.body.dataset.done !== undefined, null, { timeout: 60_000 });
      return page.$$eval('#results li', (li) => li.length);
    },
  },
};

const { server, origin } = await serveSite(root, '/', { gzip: true });
try {
  for (const q of queries) {
    for (const [name, engine] of Object.entries(engines)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumen-search-bench-'));
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        viewport: { width: 390, height: 844 },
      });
      try {
        const page = context.pages()[0] || await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        if (throttle) {
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false, latency: 150,
            downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8,
          });
        }
        let requests = 0, bytes = 0, pageBytes = 0;
        context.on('requestfinished', async (req) => {
          const u = new URL(req.url());
          const sizes = await req.sizes();
          const n = sizes.responseBodySize + sizes.responseHeadersSize;
          if (engine.counts(u)) {
            requests++;
            bytes += n;
          } else if (u.pathname === engine.url('').split('?')[0]) {
            pageBytes += n;
          }
        });
        await page.goto(origin + engine.url(q), { waitUntil: 'commit' });
        const results = await engine.done(page);
        // From the start of navigation, and from the request for the
        // search's script, to ten results on screen.
        const [ms, scriptMs] = await page.evaluate((script) => {
          const now = performance.now();
          const first = performance.getEntriesByType('resource').find((e) => new RegExp(script).test(new URL(e.name).pathname));
          return [now, first ? now - first.startTime : -1];
        }, engine.script);
        await new Promise((r) => setTimeout(r, 300)); // the last requestfinished events
        console.log(JSON.stringify({
          engine: name, query: q, throttled: throttle, ms: Math.round(ms), scriptMs: Math.round(scriptMs), requests,
          kb: +(bytes / 1024).toFixed(1), pageKB: +(pageBytes / 1024).toFixed(1), results,
        }));
      } finally {
        await context.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  server.close();
}
