// serve.mjs: the static server of the browser checks, as a static host
// serves a built Lumen site.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

// serveSite starts a static server for the folder root on loopback, under
// the path base ("/" or "/clinic/"), and resolves to { server, origin }.
// Folders answer with their index.html; a missing file with 404.html.
// With gzip, text (HTML, CSS, JavaScript, JSON, XML) is sent compressed to
// a browser that accepts it, as most hosts do.
export function serveSite(root, base = '/', { gzip = false } = {}) {
  const server = http.createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!p.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('outside the base path');
      return;
    }
    p = '/' + p.slice(base.length);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        res.writeHead(301, { Location: base + p.slice(1) + '/' }).end();
        return;
      }
      let status = 200;
      let target = file;
      if (err) {
        status = 404;
        target = path.join(root, '404.html');
        if (!fs.existsSync(target)) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
      }
      const type = TYPES[path.extname(target).toLowerCase()] || 'application/octet-stream';
      const compress = gzip && /^(text\/|application\/(json|xml))/.test(type) &&
        /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const headers = { 'Content-Type': type };
      if (compress) headers['Content-Encoding'] = 'gzip';
      res.writeHead(status, headers);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const body = fs.createReadStream(target);
      if (compress) body.pipe(zlib.createGzip()).pipe(res);
      else body.pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
    });
  });
}
