// The worker behind the synchronous UrlFetchApp fake: it performs a batch of real HTTP requests in
// parallel while the calling thread blocks on Atomics.wait, then posts the replies and wakes it.
// Plain JavaScript because worker threads do not go through the test runner's TypeScript transform.
import http from 'node:http';
import https from 'node:https';
import { parentPort } from 'node:worker_threads';

let port;
let signal;

parentPort.once('message', (init) => {
  port = init.port;
  signal = new Int32Array(init.signal);
  port.on('message', async ({ requests, timeoutMs }) => {
    const results = await Promise.all(requests.map((r) => send(r, timeoutMs, 5)));
    port.postMessage(results);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});

function send(req, timeoutMs, redirectsLeft) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(req.url);
    } catch {
      resolve({ error: 'invalid-url' });
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers = { ...req.headers };
    if (body) headers['Content-Length'] = String(body.length);
    const r = lib.request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (req.followRedirects && status >= 300 && status < 400 && location && redirectsLeft > 0) {
          const next = new URL(location, url).toString();
          const method = status === 303 || ((status === 301 || status === 302) && req.method !== 'GET') ? 'GET' : req.method;
          resolve(send({ ...req, url: next, method, body: method === 'GET' ? undefined : req.body }, timeoutMs, redirectsLeft - 1));
          return;
        }
        resolve({ status, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('base64') });
      });
      res.on('error', (e) => resolve({ error: 'reset', detail: String(e) }));
    });
    r.setTimeout(timeoutMs, () => {
      r.destroy();
      resolve({ error: 'timeout' });
    });
    r.on('error', (e) => {
      const code = e && e.code;
      resolve({ error: code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'dns' : code === 'ECONNREFUSED' ? 'refused' : 'reset', detail: String(e) });
    });
    if (body) r.write(body);
    r.end();
  });
}
