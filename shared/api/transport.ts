// The seam between the core and the network: send a batch of HTTP requests, get their results in order.
// fetch implements it for browsers, the extension and Node; UrlFetchApp.fetchAll for Apps Script.
// Retries, error mapping and pagination live above it, so every implementation stays this small.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type HttpResult =
  | {
      kind: 'response';
      status: number;
      /** Header names in lower case. */
      headers: Record<string, string>;
      body: string;
      /** A redirect whose target the runtime does not disclose (a browser's opaque redirect). */
      hiddenRedirect?: boolean;
    }
  | {
      kind: 'network-error';
      /** What went wrong, for people ("connection refused", "timed out after 30 s"); never holds the URL or headers. */
      message: string;
      /** True when the request may have reached the server (timeout, connection reset after sending). */
      maybeProcessed: boolean;
    };

export interface Transport {
  /** Sends a batch; resolves with one result per request, in the same order. Never rejects for HTTP or network failures. */
  send(requests: HttpRequest[]): Promise<HttpResult[]>;
}
