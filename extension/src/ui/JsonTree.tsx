import { useState } from 'react';
import { Highlight } from './Highlight';

/** A collapsible JSON tree: objects and arrays fold; the first two levels start open. */
export function JsonTree({ value, name, depth = 0 }: { value: unknown; name?: string; depth?: number }) {
  const [open, setOpen] = useState(depth < 2);
  const label =
    name !== undefined ? (
      <span className="j-key">
        <Highlight text={name} />:{' '}
      </span>
    ) : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="j-line">
        {label}
        <span className={`j-${value === null ? 'null' : typeof value}`}>
          <Highlight text={JSON.stringify(value)} />
        </span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  const [openBrace, closeBrace] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div className="j-node">
      <button className="j-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? '▾' : '▸'}
      </button>
      {label}
      <span className="j-brace">{openBrace}</span>
      {!open && (
        // The toggle button before it is the keyboard's way to open the node; this is a larger mouse target.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
        <span className="j-summary" onClick={() => setOpen(true)}>
          {' '}
          {entries.length} {Array.isArray(value) ? 'items' : 'keys'} {closeBrace}
        </span>
      )}
      {open && (
        <>
          <div className="j-children">
            {entries.map(([key, child]) => (
              <JsonTree key={key} name={Array.isArray(value) ? undefined : key} value={child} depth={depth + 1} />
            ))}
          </div>
          <span className="j-brace">{closeBrace}</span>
        </>
      )}
    </div>
  );
}
