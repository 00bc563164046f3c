// edit.mjs: the browser editor of lumen serve --edit in headless
// Chromium. It starts lumen serve --edit on a copy of the example site,
// opens /admin/, checks that the collections of the site are there, opens
// a condition, changes its summary, publishes it, and checks that the
// change is written to the file and shown on the page the dev server
// serves, that the preview pane uses the site's stylesheet and the saved
// page has a link to it — with no request to any other host, and no
// request refused by the Content-Security-Policy.
//
//   node edit.mjs LUMEN_BINARY SITE_FOLDER
//
// SITE_FOLDER is changed: give a copy. Env: CHROMIUM (default
// /usr/bin/chromium).

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const [lumen, site] = process.argv.slice(2);
if (!lumen || !site) {
  console.error('usage: node edit.mjs LUMEN_BINARY SITE_FOLDER');
  process.exit(2);
}
const failures = [];
const fail = (msg) => { failures.push(msg); console.error('FAIL ' + msg); };

// serve starts lumen serve --edit on a free port and resolves to its
// process and the editor's address.
function serve() {
  return new Promise((resolve, reject) => {
    const p = spawn(lumen, ['serve', '--edit', '--port', '0', '--source', site], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Editor at (http:\/\/\S+)/);
      if (m) resolve({ proc: p, admin: m[1] });
    });
    p.stderr.on('data', (d) => process.stderr.write(d));
    p.on('exit', (code) => reject(new Error('lumen serve exited with ' + code + ':\n' + out)));
    setTimeout(() => reject(new Error('lumen serve did not start:\n' + out)), 30000);
  });
}

const { proc, admin } = await serve();
const origin = new URL(admin).origin;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const elsewhere = new Set();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin !== origin) elsewhere.add(r.url());
  });
  const refused = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });

  // The collections of the example site.
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(r.status() + ' ' + r.url()); });
  await page.goto(admin + '#/collections/conditions', { waitUntil: 'load' });
  // The proxy backend has no account: its login page is one button.
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 30000 });
  await page.getByText('Lumbar disc herniation').first().waitFor({ timeout: 30000 });
  for (const label of ['Conditions (English)', 'Procedures (English)', 'Providers (English)', 'Faqs (English)', 'Conditions (Español)', 'Home and section pages']) {
    if (await page.getByText(label, { exact: true }).count() === 0) fail('no collection ' + label);
  }

  // Edit the summary of a condition and publish it.
  await page.getByText('Lumbar disc herniation').first().click();
  const label = page.locator('label', { hasText: /^Summary/ }).first();
  await label.waitFor({ timeout: 30000 });
  const id = await label.getAttribute('for');
  const field = page.locator(`[id="${id}"]`);
  const marker = 'Edited in the browser ' + Date.now() + '.';
  await field.fill(marker + ' Most people get better in a few weeks to a few months without surgery.');
  const saved = page.waitForResponse((r) => r.url().endsWith('/admin/api') && r.request().postData()?.includes('"persistEntry"'), { timeout: 30000 });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  const resp = await saved;
  if (resp.status() !== 200) fail('persistEntry answered ' + resp.status() + ': ' + (await resp.text()));
  const file = fs.readFileSync(path.join(site, 'content/conditions/lumbar-disc-herniation.md'), 'utf8');
  if (!file.includes(marker)) fail('the file does not have the change');

  // The preview pane uses the site's stylesheet, and the saved page has a
  // link to it on the dev server.
  const styles = await page.$$eval('iframe', (fs) => fs.flatMap((f) => { try { return [...f.contentDocument.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname); } catch { return []; } }));
  if (!styles.includes('/css/main.css')) fail('the preview pane does not use the site\'s stylesheet: ' + JSON.stringify(styles));
  const live = page.getByRole('link', { name: 'View Live' });
  await live.waitFor({ timeout: 10000 }).catch(() => {});
  const href = await live.getAttribute('href').catch(() => null);
  if (!href) fail('no link to the saved page');
  else {
    const to = await context.newPage();
    await to.goto(href);
    if (new URL(to.url()).pathname !== '/conditions/lumbar-disc-herniation/') fail('the link to the saved page leads to ' + to.url());
    await to.close();
  }

  // The dev server shows the change once its watcher has rebuilt.
  const view = await context.newPage();
  let shown = false;
  for (let i = 0; i < 50 && !shown; i++) {
    await view.goto(origin + '/conditions/lumbar-disc-herniation/');
    shown = (await view.content()).includes(marker);
    if (!shown) await view.waitForTimeout(200);
  }
  if (!shown) fail('the page does not show the change');

  if (elsewhere.size > 0) fail('requests to other hosts: ' + [...elsewhere].join(', '));
  if (missing.length > 0) fail('answered with an error: ' + missing.join(', '));
  if (refused.length > 0) fail('refused by the policy: ' + refused.join(' | '));
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
  proc.kill('SIGINT');
}
if (failures.length > 0) {
  console.error(`edit.mjs: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('edit.mjs: the editor lists the collections, saves a condition, and the page shows it; no request to another host');
