// How long the running execution has left. Apps Script stops any execution after 6 minutes and loads the
// script afresh for each one, so the time this module is loaded is when the step began. A margin is kept
// for the writes a step makes after its requests (ids into rows, the snapshot, statuses).
export const STEP_LIMIT_MS = 6 * 60 * 1000;
const MARGIN_MS = 45_000;
const startedAt = Date.now();

/** Milliseconds this step can still spend waiting or working before its closing writes. */
export function msLeftInStep(now = Date.now()): number {
  return startedAt + STEP_LIMIT_MS - MARGIN_MS - now;
}
