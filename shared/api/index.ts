// Pivor's REST API for every runtime: the transport seam, the client, its errors and helpers.
export type { HttpMethod, HttpRequest, HttpResult, Transport } from './transport.ts';
export { createFetchTransport, type FetchTransportOptions } from './fetch-transport.ts';
export {
  PivorClient, type PivorClientOptions, type PivorUser, type PivorRecord, type Page, type PageMeta,
  type ListProgress, type ListAllOptions, type BatchOp,
} from './client.ts';
export { PivorError, isPivorError, type PivorErrorKind, type PivorErrorDetails } from './errors.ts';
export type { Outcome } from './interpret-response.ts';
export type { RetryInfo } from './send-with-retries.ts';
export type { WaitingInfo } from './waiting-notice.ts';
export { defaultRetryOptions, type RetryOptions, type RetryReason } from './retry-policy.ts';
export { backoffDelay, parseRetryAfter, defaultSleep } from './backoff.ts';
export { normalizeBaseUrl, type ApiBase } from './base-url.ts';
export { MAX_PER_PAGE, type ListQuery } from './list-query.ts';
export { fieldErrorsToColumns } from './field-errors.ts';
export { WholeListing, type ListingOptions, type ListingResult } from './listing/whole-listing.ts';
export { unreadableMessage, type UnreadableRecord } from './listing/unreadable.ts';
export { readPages, type PagesRead } from './listing/read-pages.ts';
