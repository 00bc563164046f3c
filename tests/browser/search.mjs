// search.mjs: the search of a built Lumen site, in a real browser.
//
// Usage: node search.mjs [--base /clinic/] <public-dir> [[--at-least P] queries-file]...
//
// Serves <public-dir> on 127.0.0.1, opens /search/?q=… in headless
// Chromium for each query of each queries file (default
// search-queries.txt: "query => /path/" lines), and checks that the page
// is among the first three results. Prints, for each file, the share in
// first place and in the first three, and the queries that failed; exits
// 1 if any did. A file after --at-least P fails only if fewer than P
// percent of its queries found their page in the first three: for
// search-unseen.txt, queries the search was not tuned on, which measure
// it rather than hold it to each answer.
// Also runs axe-core on the search page with a query, and checks that the
// search asks the server for nothing but the index's own files.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
let base = '/';
if (args[0] === '--base') {
  base = args.splice(0, 2)[1];
}
const rootArg = args.shift();
// sets are the queries files, each with the percent of its queries that
// must find their page (atLeast).
const sets = [];
let usage = !rootArg || typeof base !== 'string' || !base.startsWith('/') || !base.endsWith('/');
while (args.length && !usage) {
  let atLeast = 100;
  if (args[0] === '--at-least') {
    atLeast = Number(args.splice(0, 2)[1]);
  }
  const file = args.shift();
  usage = !file || !(atLeast >= 0 && atLeast <= 100);
  sets.push({ file, named: true, atLeast });
}
if (usage) {
  console.error('usage: node search.mjs [--base /clinic/] <public-dir> [[--at-least P] queries-file]...');
  process.exit(2);
}
if (!sets.length) sets.push({ file: path.join(here, 'search-queries.txt'), named: false, atLeast: 100 });
const root = path.resolve(rootArg);
for (const set of sets) {
  set.queries = fs.readFileSync(set.file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [q, want] = l.split('=>').map((s) => s.trim());
      return { q, want };
    });
}

// searchPage returns the search page that finds want: that of want's
// language, /es/search/ for a Spanish page, else /search/.
function searchPage(want) {
  const m = /^\/([a-z]{2,3}(?:-[a-z0-9]+)?)\//.exec(want);
  return m && fs.existsSync(path.join(root, m[1], 'search', 'index.html')) ? `${m[1]}/search/` : 'search/';
}

async function results(page, origin, q, want) {
  await page.goto(`${origin}${base}${searchPage(want)}?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status');
    const m = document.getElementById('search-messages');
    const searching = m ? JSON.parse(m.textContent).search_searching : 'Searching…';
    return s && s.textContent !== '' && s.textContent !== searching;
  }, null, { timeout: 10_000 });
  return page.$$eval('#search-results li a', (as) => as.map((a) => {
    const u = new URL(a.href);
    return u.pathname + u.hash;
  })).then((got) => got.map((u) => '/' + u.slice(base.length)));
}

async function main() {
  const { server, origin } = await serveSite(root, base);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumen-search-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let status = 0;
  const requests = [];
  try {
    const page = browser.pages()[0] || await browser.newPage();
    page.on('request', (r) => requests.push(new URL(r.url())));
    for (const set of sets) {
      Object.assign(set, { first: 0, top3: 0, failures: [], behind: [] }); // behind: in the first three, but not first
      for (const { q, want } of set.queries) {
        const got = await results(page, origin, q, want);
        const rank = got.indexOf(want) + 1;
        if (rank === 1) set.first++;
        if (rank > 1 && rank <= 3) set.behind.push(`  ${q} => ${want}: ${rank}, after ${got.slice(0, rank - 1).join(', ')}`);
        if (rank >= 1 && rank <= 3) set.top3++;
        else set.failures.push(`  ${q} => ${want}: got ${got.slice(0, 3).join(', ') || 'no results'}`);
      }
    }
    // axe on the search page with results, and a typed query's words never
    // in an address the browser asks for.
    await results(page, origin, 'slipped disc', '/');
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    if (axe.length) {
      status = 1;
      console.error('search: axe violations on /search/ with results:\n  ' + axe.join('\n  '));
    }
    // A result that is a question leads to its anchor on the FAQ page:
    // the question must open there, and when another is linked on the
    // same page.
    await page.goto(`${origin}${base}faqs/back-pain-basics/#question-6`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('question-6').open, null, { timeout: 5_000 })
      .catch(() => { status = 1; console.error('search: /faqs/back-pain-basics/#question-6 left the question closed'); });
    await page.evaluate(() => { location.hash = '#question-3'; });
    await page.waitForFunction(() => document.getElementById('question-3').open, null, { timeout: 5_000 })
      .catch(() => { status = 1; console.error('search: a link to #question-3 on the same page left the question closed'); });
    requests.length = 0;
    await page.goto(`${origin}${base}about/`, { waitUntil: 'load' });
    await page.fill('#site-search', 'numbness between the legs');
    await Promise.all([page.waitForURL(new RegExp(base + 'search/#q=')), page.press('#site-search', 'Enter')]);
    await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('result'));
    const leaked = requests.filter((u) => u.origin !== origin || /numbness|legs/.test(u.pathname + u.search));
    if (leaked.length) {
      status = 1;
      console.error('search: the query reached the server: ' + leaked.map(String).join(', '));
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  for (const { file, named, atLeast, queries, first, top3, failures, behind } of sets) {
    const pct = (n) => `${Math.round((100 * n) / queries.length)}%`;
    const label = `search${named ? ' (' + path.basename(file) + ')' : ''}${base === '/' ? '' : ' under ' + base}`;
    console.log(`${label}: ${queries.length} queries, ${first} first (${pct(first)}), ${top3} in the first three (${pct(top3)})`);
    if (behind.length && base === '/') console.log('search: second or third:\n' + behind.join('\n'));
    if (failures.length) {
      console.error('search: not in the first three:\n' + failures.join('\n'));
    }
    if (100 * top3 < atLeast * queries.length) {
      status = 1;
      if (atLeast < 100) console.error(`search: fewer than ${atLeast}% in the first three`);
    }
  }
  process.exit(status);
}

main().catch((e) => {
  console.error('search:', e);
  process.exit(1);
});
