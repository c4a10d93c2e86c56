import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Mode } from '../bridge/platform';
import type { InspectorState, InspectorStore } from '../store';

export const StoreContext = createContext<InspectorStore | null>(null);
export const ModeContext = createContext<Mode>('standalone');

/** Reads from the panel's store with a selector (atomic selectors keep re-renders small). */
export function useInspector<T>(selector: (state: InspectorState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useInspector outside <StoreContext>');
  return useStore(store, selector);
}

export const useMode = () => useContext(ModeContext);
