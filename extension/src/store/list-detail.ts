import { RequestFailed } from '../bridge/client';
import { errorText } from './types';

/** A list of named things and the one opened beside it: the state the Topics and Groups views share. */
export interface ListDetail<S, D> {
  list: S[];
  /** False until the first list arrives: the view says "Loading", not "0 of 0". */
  loaded: boolean;
  loading: boolean;
  error: string | null;
  selected: string | null;
  detail: D | null;
  detailLoading: boolean;
  detailError: string | null;
  /** The companion answered NOT_FOUND for the selected name: it does not exist. */
  detailMissing: boolean;
}

export const initialListDetail = <S, D>(): ListDetail<S, D> => ({
  list: [],
  loaded: false,
  loading: false,
  error: null,
  selected: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  detailMissing: false,
});

export interface ListDetailSource<S, D, T> {
  list(): Promise<S[]>;
  describe(name: string): Promise<D>;
  /** Extra fields to set when the list fails (a broker without the API, say). */
  onListError?(error: unknown, current: T): Partial<T>;
  /** Extra fields to set when the list arrives. */
  onListed?(): Partial<T>;
}

/**
 * refresh() and select() over one ListDetail in the store. A reply for a name no longer selected is
 * dropped; selecting the open name again refreshes it in place (its detail stays shown meanwhile);
 * a refreshed list refreshes the open detail too.
 */
export function listDetailActions<S, D, T extends ListDetail<S, D>>(patch: (change: Partial<T>) => void, current: () => T, source: ListDetailSource<S, D, T>) {
  const select = async (name: string | null) => {
    const same = name !== null && name === current().selected;
    patch({ selected: name, detailLoading: name !== null, detailError: null, detailMissing: false, ...(same ? {} : { detail: null }) } as Partial<T>);
    if (name === null) return;
    try {
      const detail = await source.describe(name);
      if (current().selected === name) patch({ detail, detailLoading: false } as Partial<T>);
    } catch (error) {
      if (current().selected !== name) return;
      const missing = error instanceof RequestFailed && error.error.code === 'NOT_FOUND';
      patch({ detail: null, detailLoading: false, detailError: errorText(error), detailMissing: missing } as Partial<T>);
    }
  };
  const refresh = async () => {
    patch({ loading: true, error: null } as Partial<T>);
    try {
      const list = await source.list();
      patch({ list, loaded: true, loading: false, ...source.onListed?.() } as Partial<T>);
    } catch (error) {
      patch({ loading: false, loaded: true, error: errorText(error), ...source.onListError?.(error, current()) } as Partial<T>);
    }
    const selected = current().selected;
    if (selected) void select(selected);
  };
  return { refresh, select };
}
