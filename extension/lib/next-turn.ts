// A turn for the page: long work split into slices awaits this between them, so input, rendering and messages
// waiting on the thread are handled before it goes on.
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
