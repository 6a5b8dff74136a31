// The sandbox's public types: how to start it, which faults to inject, and the handle tests get back.
import type { PageLinksMode } from './resources/paginate.ts';

export type SeedName = 'demo' | 'users' | 'none';

export interface FaultOptions {
  /** Added before every request is handled. */
  latencyMs?: number;
  /** Share (0..1) of API requests answered 500 before anything is processed. */
  errorRate?: number;
  /** Share (0..1) of API requests answered 429 with Retry-After before anything is processed. */
  rateLimitRate?: number;
  /** Retry-After of those 429s (default 1). */
  retryAfterSeconds?: number;
  /** Share (0..1) of API requests processed (a write is committed) whose connection is then reset mid-response. */
  resetRate?: number;
  /** Added to list (index) requests. */
  slowPageMs?: number;
  /** Makes the draws above repeat exactly; without it they use Math.random. */
  faultSeed?: number;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist: load this SQLite file if it exists (no seeding then), save after writes (debounced) and on close. */
  dbFile?: string;
  /** Data for a new database: 'users' (default) the three demo users, 'demo' users and a few hundred records, 'none' nothing. */
  seed?: SeedName;
  faults?: FaultOptions;
  /**
   * Page links in list responses: 'laravel' (default) carries only ?page=N, as Pivor really answers
   * (per_page and filters are not kept); 'with-query' keeps the request's query string.
   */
  pageLinks?: PageLinksMode;
  /** One line per request and per server error. */
  log?: (line: string) => void;
}

export interface SandboxStats {
  requests: number;
  /** 'GET /api/clients', 'PUT /api/clients/{id}', … */
  byRoute: Record<string, number>;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replaces the fault settings (fields left out are off). */
  setFaults(faults: FaultOptions): void;
  stats(): SandboxStats;
  /** Reads the database directly, for test assertions. */
  query(sql: string, params?: unknown[]): Record<string, unknown>[];
}
