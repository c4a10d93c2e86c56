import type { StateStorage } from 'zustand/middleware';

/**
 * zustand's persist writes on every `set`, and the tail sets many times a second while only
 * preferences are persisted: skip a write that would store what is already there.
 */
export function skipUnchangedWrites(storage: StateStorage): StateStorage {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem(name, value) {
      if (written.get(name) === value) return;
      written.set(name, value);
      return storage.setItem(name, value);
    },
    removeItem(name) {
      written.delete(name);
      return storage.removeItem(name);
    },
  };
}
