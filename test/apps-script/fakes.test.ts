// The fakes keep the rules of the real services that the add-on's tests rely on to catch mistakes:
// what a written string turns into, grid bounds, shapes, protections, limits, the synchronous UrlFetchApp.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallCounter } from './fakes/call-counter.ts';
import { FakePropertiesService } from './fakes/properties-service.ts';
import { FakeSpreadsheetApp } from './fakes/spreadsheet-app.ts';
import { FakeUrlFetchApp } from './fakes/url-fetch-app.ts';

describe('the SpreadsheetApp fake', () => {
  const app = new FakeSpreadsheetApp(new CallCounter(), { timeZone: 'Europe/Paris' });
  const sheet = app.getActiveSpreadsheet().getActiveSheet();

  it('turns strings into formulas, numbers, booleans and dates unless the cell is plain text', () => {
    const row = sheet.getRange(1, 1, 1, 5);
    row.setValues([['=1+1', '00123', 'TRUE', '2025-01-02', "'=kept"]]);
    expect(row.getFormulas()[0]).toEqual(['=1+1', '', '', '', '']);
    const values = row.getValues()[0]!;
    expect(values.slice(1, 3)).toEqual([123, true]);
    expect(Object.prototype.toString.call(values[3])).toBe('[object Date]');
    expect(values[4]).toBe('=kept');
    const text = sheet.getRange(2, 1, 1, 4);
    text.setNumberFormat('@');
    text.setValues([['=1+1', '00123', 'TRUE', '2025-01-02']]);
    expect(text.getFormulas()[0]).toEqual(['', '', '', '']);
    expect(text.getValues()[0]).toEqual(['=1+1', '00123', 'TRUE', '2025-01-02']);
  });

  it('refuses ranges outside the grid, data of the wrong shape and over-long cells', () => {
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/number of rows/);
    expect(() => sheet.getRange(1, 1).setValue('x'.repeat(50_001))).toThrow(/50000 characters/);
    sheet.insertRowsAfter(1000, 10);
    expect(sheet.getRange(1010, 1).getValue()).toBe('');
  });

  it('keeps the last visible sheet visible and shifts protections with inserted rows', () => {
    expect(() => sheet.hideSheet()).toThrow(/hide all the sheets/);
    const p = sheet.getRange(5, 2, 10, 1).protect().setWarningOnly(true);
    sheet.insertRowsBefore(1, 3);
    expect(p.getRange().getRow()).toBe(8);
    expect(p.isWarningOnly()).toBe(true);
  });

  it('shows dates in the spreadsheet time zone', () => {
    const cell = sheet.getRange(20, 1);
    cell.setNumberFormat('yyyy-mm-dd hh:mm');
    cell.setValue(new Date('2025-07-01T10:30:00Z'));
    expect(cell.getDisplayValue()).toBe('2025-07-01 12:30');
  });
});

describe('the PropertiesService fake', () => {
  it('keeps user properties per Google account and enforces the 9 kB value limit', () => {
    const props = new FakePropertiesService(new CallCounter());
    props.getUserProperties().setProperty('k', 'mine');
    props._activeUser = 'other@example.com';
    expect(props.getUserProperties().getProperty('k')).toBeNull();
    expect(() => props.getDocumentProperties().setProperty('big', 'x'.repeat(10_000))).toThrow(/too large/);
  });
});

describe('the UrlFetchApp fake', () => {
  let server: ReturnType<typeof spawn>;
  let url = '';
  const fetcher = new FakeUrlFetchApp(new CallCounter());

  beforeAll(async () => {
    // A server in another process: the fake blocks this thread while the worker talks to it.
    server = spawn(process.execPath, ['-e', `
      const http = require('node:http');
      const s = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          if (req.url === '/missing') { res.writeHead(404, { 'X-Trace': 'abc' }); res.end('{"message":"nope"}'); return; }
          if (req.url === '/moved') { res.writeHead(302, { Location: '/echo' }); res.end(); return; }
          res.writeHead(200, { 'Content-Type': 'application/json', 'X-Trace': 'abc' });
          res.end(JSON.stringify({ method: req.method, url: req.url, body, auth: req.headers.authorization ?? null }));
        });
      });
      s.listen(0, '127.0.0.1', () => console.log(s.address().port));
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(`http://127.0.0.1:${String(d).trim()}`)));
  });
  afterAll(async () => {
    server.kill();
    await fetcher._stop();
  });

  it('sends real requests synchronously, in parallel with fetchAll, keeping header case', () => {
    const [a, b] = fetcher.fetchAll([
      { url: `${url}/one`, method: 'post', payload: '{"x":1}', contentType: 'application/json', headers: { Authorization: 'Bearer t' } },
      { url: `${url}/two` },
    ]);
    expect(JSON.parse(a!.getContentText())).toEqual({ method: 'POST', url: '/one', body: '{"x":1}', auth: 'Bearer t' });
    expect(JSON.parse(b!.getContentText()).method).toBe('GET');
    expect(a!.getHeaders()['X-Trace']).toBe('abc');
  });

  it('throws on HTTP errors unless muted, follows redirects unless told not to', () => {
    expect(() => fetcher.fetch(`${url}/missing`)).toThrow(/returned code 404/);
    expect(fetcher.fetch(`${url}/missing`, { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    expect(fetcher.fetch(`${url}/moved`).getResponseCode()).toBe(200);
    expect(fetcher.fetch(`${url}/moved`, { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('makes fetchAll throw when any request cannot connect', () => {
    expect(() => fetcher.fetchAll([{ url: `${url}/ok` }, { url: 'http://127.0.0.1:1/closed' }])).toThrow(/Address unavailable/);
  });
});
