import { useCallback, useSyncExternalStore } from 'react';

/** Below this width (a DevTools panel docked at the side) the tail form folds to one line. */
export const NARROW_FORM = '(max-width: 520px)';
/** Below this width theme.css shortens the table's columns (the same breakpoint as its media query). */
export const NARROW_TABLE = '(max-width: 720px)';

/** Whether a media query matches; follows the width as DevTools is resized. */
export function useNarrow(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = globalThis.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => globalThis.matchMedia?.(query).matches ?? false, () => false);
}
