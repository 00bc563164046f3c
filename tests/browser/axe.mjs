// axe.mjs: accessibility check of a built Lumen site in a real browser.
//
// Usage: node axe.mjs [--base /clinic/] [--widths 1280,375,320] <public-dir>
//
// Serves <public-dir> on 127.0.0.1 (random port), under the path --base
// when given (for a site built with base_url https://…/clinic/), opens
// every .html file in headless Chromium at 1280x800 and at 375x812 (or
// only the --widths given), two pages at a time (AXE_WORKERS), runs
// axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules, checks at 320x640
// that the page is no wider than the screen (WCAG 1.4.10), and fails any
// page that requests anything from a host other than the local server, or
// anything the server does not have (a stylesheet, image, icon or script
// answered with an error). Pages at old addresses (a meta refresh) are
// followed to their page instead. Exits 1 on any violation, page wider
// than 320 px, third-party or failed request, or page error.
//
// Chromium comes from the system (env CHROMIUM, default /usr/bin/chromium);
// this script never downloads a browser.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.mjs';

const require = createRequire(import.meta.url);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { name: '1280px', width: 1280, height: 800 },
  { name: '375px', width: 375, height: 812 },
  // The width WCAG 1.4.10 (reflow) names: checked for sideways scrolling
  // of the whole page only, not with axe.
  { name: '320px', width: 320, height: 640, reflowOnly: true },
];
const PAGE_TIMEOUT_MS = 30_000;


function usage(msg) {
  if (msg) console.error(`axe: ${msg}`);
  console.error('usage: node axe.mjs [--base /clinic/] [--widths 1280,375,320] <public-dir>');
  process.exit(2);
}

const args = process.argv.slice(2);
let base = '/';
let widths = WIDTHS;
while (args[0] === '--base' || args[0] === '--widths') {
  const [flag, value] = args.splice(0, 2);
  if (flag === '--base') {
    base = value || '';
    if (!base.startsWith('/') || !base.endsWith('/')) usage('--base must be a path such as /clinic/');
  } else {
    const names = (value || '').split(',').map((w) => w + 'px');
    widths = WIDTHS.filter((w) => names.includes(w.name));
    if (widths.length !== names.length) usage('--widths takes widths among 1280,375,320');
  }
}
// Pages are checked by WORKERS tabs at once (env AXE_WORKERS, default 2):
// axe and the page's layout keep a core busy each.
const WORKERS = Math.max(1, Number(process.env.AXE_WORKERS) || 2);
const rootArg = args[0];
if (!rootArg || args.length > 1) usage();
const root = path.resolve(rootArg);
if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) usage(`${rootArg} is not a directory`);

// listHTML returns every .html file under dir, as slash paths relative to dir.
function listHTML(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listHTML(dir, r));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
  }
  return out.sort();
}

// urlFor maps a file to the URL a visitor would use: x/index.html -> /x/,
// under the base path.
function urlFor(rel) {
  return base + sitePath(rel).slice(1);
}

// sitePath maps a file to its path on the site: x/index.html -> /x/.
function sitePath(rel) {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

function oneLine(s, max = 200) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

// refreshTarget returns the address a page at an old address sends the
// reader to (<meta http-equiv="refresh" content="0; url=...">), or ''.
function refreshTarget(rel) {
  const html = fs.readFileSync(path.join(root, rel), 'utf8');
  const m = html.match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/);
  return m ? m[1].replace(/&amp;/g, '&') : '';
}

async function main() {
  const all = listHTML(root);
  // Pages at old addresses only send the reader on: each is followed in the
  // browser to its target, which must load, rather than checked by axe.
  const moved = all.filter((rel) => refreshTarget(rel) !== '');
  const pages = all.filter((rel) => !moved.includes(rel));
  let redirects = 0;
  if (pages.length === 0) {
    console.error(`axe: no .html files in ${root}`);
    process.exit(1);
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { server, origin } = await serveSite(root, base);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumen-axe-chromium-'));
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

  let browser;
  let passed = 0;
  let failed = 0;
  let violations = 0;
  let reflow = 0;
  let thirdParty = 0;
  let failedRequests = 0;
  let errors = 0;
  const rules = new Set();

  try {
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 60_000,
    });

    for (const rel of moved) {
      const target = refreshTarget(rel);
      const want = target.startsWith('/') ? origin + target : target;
      const page = await browser.newPage();
      try {
        await page.route((u) => !u.href.startsWith(origin + '/'), (route) => route.abort());
        await page.goto(origin + urlFor(rel), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        await page.waitForURL(want, { timeout: PAGE_TIMEOUT_MS });
        const h1 = await page.locator('h1').first().textContent({ timeout: PAGE_TIMEOUT_MS });
        redirects++;
        console.log(`REDIRECT ${urlFor(rel)} -> ${target} (${oneLine(h1, 60)})`);
      } catch (err) {
        errors++;
        console.log(`ERROR redirect ${urlFor(rel)} -> ${target}: ${oneLine(err.message, 400)}`);
      } finally {
        await page.close().catch(() => {});
      }
    }

    const jobs = pages.flatMap((rel) => widths.map((w) => ({ rel, w })));
    const check = async ({ rel, w }) => {
      const url = origin + urlFor(rel);
      const label = `${urlFor(rel)} @${w.name}`;
      const page = await browser.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      await page.setViewportSize({ width: w.width, height: w.height });
      const foreign = [];
      const missing = [];
      page.on('response', (resp) => {
        // The page itself may be the 404 page; anything it loads must be there.
        if (resp.status() >= 400 && resp.url() !== url) missing.push(`${resp.status()} ${resp.url()}`);
      });
      page.on('request', (req) => {
        const u = req.url();
        if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return;
        if (!u.startsWith(origin + '/')) foreign.push(u);
      });
      // Never let a third-party request leave the machine; it is recorded above.
      await page.route((u) => !u.href.startsWith(origin + '/'), (route) => route.abort());

      let ok = true;
      try {
        const resp = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        const expected = rel === '404.html' ? [200, 404] : [200];
        if (!resp || !expected.includes(resp.status())) {
          throw new Error(`HTTP ${resp ? resp.status() : 'no response'}`);
        }
        // Reflow: nothing but a scrolling region (a table, code) may be
        // wider than the screen.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 1) {
          ok = false;
          reflow++;
          console.log(`REFLOW ${label}: the page is ${wide} px wider than the screen`);
        }
        if (!w.reflowOnly) {
          await page.addScriptTag({ content: axeSource });
          const result = await Promise.race([
            page.evaluate(
              (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
              TAGS,
            ),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`axe timed out after ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS)),
          ]);
          for (const group of ['violations', 'passes', 'incomplete', 'inapplicable']) {
            for (const r of result[group] || []) rules.add(r.id);
          }
          for (const v of result.violations) {
            ok = false;
            violations++;
            console.log(`VIOLATION ${label}: ${v.id} [${v.impact}] ${v.help}`);
            console.log(`  ${v.helpUrl}`);
            for (const n of v.nodes) {
              console.log(`  target: ${n.target.join(' ')}`);
              console.log(`    html: ${oneLine(n.html)}`);
              if (n.failureSummary) console.log(`    why:  ${oneLine(n.failureSummary, 400)}`);
            }
          }
        }
      } catch (err) {
        ok = false;
        errors++;
        console.log(`ERROR ${label}: ${oneLine(err.message, 400)}`);
      } finally {
        await page.close().catch(() => {});
      }
      for (const u of foreign) {
        ok = false;
        thirdParty++;
        console.log(`THIRD-PARTY ${label}: ${u}`);
      }
      for (const m of missing) {
        ok = false;
        failedRequests++;
        console.log(`MISSING ${label}: ${m}`);
      }
      if (ok) passed++;
      else failed++;
    };
    await Promise.all(Array.from({ length: WORKERS }, async () => {
      while (jobs.length > 0) await check(jobs.shift());
    }));
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  const axeWidths = widths.filter((w) => !w.reflowOnly).map((w) => w.width).join(' and ');
  const reflowWidths = widths.filter((w) => w.reflowOnly);
  console.log(`axe: ${pages.length} pages ${axeWidths ? `at ${axeWidths} px` : '(reflow only)'}${base === '/' ? '' : ` under ${base}`}, ${rules.size} rules run, ${violations} violations, ${thirdParty} third-party requests, ${failedRequests} failed requests` +
    (reflowWidths.length ? `; reflow at ${reflowWidths.map((w) => w.width).join(' and ')} px: ${reflow} pages wider than the screen` : ''));
  console.log(`redirects: ${redirects} of ${moved.length} old addresses followed in the browser to their page`);
  console.log(`${passed} passed, ${failed} failed`);
  if (errors > 0) console.log(`axe: ${errors} page errors`);
  process.exit(violations + reflow + thirdParty + failedRequests + errors > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`axe: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
