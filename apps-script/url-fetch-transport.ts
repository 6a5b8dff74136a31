// The core's Transport on UrlFetchApp.fetchAll: one batch of requests is one fetchAll, sent in parallel by
// Google. HTTP errors come back as responses (muteHttpExceptions); redirects are not followed, so the token
// never goes to another address and the core sees a redirect for what it is. fetchAll throws when any
// request of the batch cannot connect, without saying which: then every request gets a network error, and
// writes are marked "maybe processed" because some of them may have gone through.
import type { HttpRequest, HttpResult, Transport } from '../shared/api/transport.ts';

type FetchAll = (requests: GoogleAppsScript.URL_Fetch.URLFetchRequest[]) => GoogleAppsScript.URL_Fetch.HTTPResponse[];

export interface UrlFetchTransportOptions {
  /** UrlFetchApp.fetchAll by default. */
  fetchAll?: FetchAll;
}

export function createUrlFetchTransport(options: UrlFetchTransportOptions = {}): Transport {
  const fetchAll: FetchAll = options.fetchAll ?? ((requests) => UrlFetchApp.fetchAll(requests));
  return {
    send(requests: HttpRequest[]): Promise<HttpResult[]> {
      if (requests.length === 0) return Promise.resolve([]);
      let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
      try {
        responses = fetchAll(requests.map(toUrlFetchRequest));
      } catch (error) {
        const message = describeFailure(error);
        return Promise.resolve(requests.map((r) => ({ kind: 'network-error', message: message.text, maybeProcessed: message.sent && r.method !== 'GET' })));
      }
      return Promise.resolve(responses.map(toHttpResult));
    },
  };
}

function toUrlFetchRequest(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    // UrlFetchApp takes the content type as its own option.
    if (name.toLowerCase() === 'content-type') contentType = value;
    else headers[name] = value;
  }
  const out: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: request.url,
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
    validateHttpsCertificates: true,
  };
  if (request.body !== undefined) {
    out.payload = request.body;
    out.contentType = contentType ?? 'application/json';
  }
  return out;
}

function toHttpResult(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResult {
  const headers: Record<string, string> = {};
  const all = response.getAllHeaders() as Record<string, string | string[]>;
  for (const [name, value] of Object.entries(all)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return { kind: 'response', status: response.getResponseCode(), headers, body: response.getContentText() };
}

/**
 * What a fetchAll exception means, without its URL (messages never carry addresses with queries).
 * `sent` is false when Apps Script refused before sending anything (quota, bad argument).
 */
function describeFailure(error: unknown): { text: string; sent: boolean } {
  const raw = error instanceof Error ? error.message : String(error);
  if (/too many times|quota|bandwidth/i.test(raw)) {
    return { text: "Apps Script's daily quota of URL fetches is used up; try again tomorrow", sent: false };
  }
  if (/invalid argument/i.test(raw)) return { text: 'Apps Script refused the address', sent: false };
  if (/dns/i.test(raw)) return { text: 'the server name could not be found', sent: false };
  if (/address unavailable|refused/i.test(raw)) return { text: 'the server could not be reached (Google must be able to reach it from the internet)', sent: true };
  if (/timeout|timed out/i.test(raw)) return { text: 'the server did not answer in time', sent: true };
  return { text: 'the connection failed', sent: true };
}
