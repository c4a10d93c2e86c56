import type { KeyboardEvent, ReactNode } from 'react';
import './list-detail.css';

/**
 * The list-beside-detail layout the Topics and Groups views share: a toolbar, a selectable table
 * with its loading and empty states said plainly, a status line, and the opened item's pane.
 */
export function ListDetailLayout({ list, detail }: { list: ReactNode; detail: ReactNode }) {
  return (
    <div className="split">
      <section className="pane list-pane">{list}</section>
      {detail}
    </div>
  );
}

export interface SelectableTableProps<T> {
  label: string;
  testId: string;
  items: T[];
  keyOf(item: T): string;
  selected: string | null;
  onSelect(key: string): void;
  head: ReactNode;
  row(item: T): ReactNode;
  rowTestId: string;
  rowData?(item: T): Record<string, string>;
}

/**
 * A table whose rows are a single-select grid (WAI-ARIA APG): one tab stop (the selected row, or the
 * first), arrow keys, Home and End move between rows, Enter or Space opens the focused one.
 */
export function SelectableTable<T>({ label, testId, items, keyOf, selected, onSelect, head, row, rowTestId, rowData }: SelectableTableProps<T>) {
  const anySelected = selected !== null && items.some((item) => keyOf(item) === selected);
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, key: string) => {
    const current = event.currentTarget;
    const rows = Array.from(current.parentElement?.children ?? [], (row) => row as HTMLElement);
    const index = rows.indexOf(current);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, target))]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(key);
    }
  };
  return (
    <table className="grid" role="grid" aria-label={label} data-testid={testId}>
      <thead>{head}</thead>
      <tbody>
        {items.map((item, index) => {
          const key = keyOf(item);
          const isSelected = key === selected;
          return (
            <tr
              key={key}
              className={isSelected ? 'selected' : ''}
              aria-selected={isSelected}
              tabIndex={isSelected || (!anySelected && index === 0) ? 0 : -1}
              onClick={() => onSelect(key)}
              onKeyDown={(event) => onKeyDown(event, key)}
              data-testid={rowTestId}
              {...Object.fromEntries(Object.entries(rowData?.(item) ?? {}).map(([k, v]) => [`data-${k}`, v]))}
            >
              {row(item)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the list area says when it has no rows: loading, failed, or empty (with or without a search). */
export function ListState({ loaded, loading, shown, total, noun, emptyText, testId }: { loaded: boolean; loading: boolean; shown: number; total: number; noun: string; emptyText: ReactNode; testId: string }) {
  if (shown > 0) return null;
  let text: ReactNode;
  if (!loaded) text = loading ? `Loading ${noun}…` : null;
  else text = total > 0 ? `No ${noun.replace(/s$/, '')} matches.` : emptyText;
  if (text === null) return null;
  return (
    <p className="empty" role="status" data-testid={testId}>
      {text}
    </p>
  );
}

export interface DetailPaneProps {
  title: string;
  testId: string;
  actions?: ReactNode;
  onClose(): void;
  loading: boolean;
  error: string | null;
  /** Said instead of the error when the companion answered NOT_FOUND. */
  missing: ReactNode | null;
  children: ReactNode;
}

/** The opened item: its title, actions and a close button; loading, missing and error said plainly. */
export function DetailPane({ title, testId, actions, onClose, loading, error, missing, children }: DetailPaneProps) {
  return (
    <section className="pane detail-pane" data-testid={testId} aria-label={title}>
      <div className="toolbar">
        <h2 title={title}>{title}</h2>
        {actions}
        <button className="link close" onClick={onClose} title="Close" aria-label={`Close ${title}`}>
          ×
        </button>
      </div>
      {loading && <p className="muted pad">Loading…</p>}
      {missing ? (
        <p className="notice pad" role="status" data-testid={`${testId}-missing`}>
          {missing}
        </p>
      ) : (
        error && (
          <p className="error pad" role="alert">
            {error}
          </p>
        )
      )}
      {children}
    </section>
  );
}
