// The first row that needs the user (an error on Review, a skipped row on Plan), scrolled into view when its page
// is shown: a long file's problem is seen without hunting for it.
import { useEffect, useRef } from 'preact/hooks';

export function useFirstInView<T>(shown: readonly T[], needsLook: (row: T) => boolean) {
  const ref = useRef<HTMLTableRowElement>(null);
  const row = shown.find(needsLook);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [row]);
  return { row, ref };
}
