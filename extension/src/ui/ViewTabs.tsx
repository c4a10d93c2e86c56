import type { KeyboardEvent } from 'react';
import type { Tab } from '../store/preferences-slice';

/**
 * The view tabs as the WAI-ARIA APG tabs pattern: one Tab stop (the active tab), Left/Right/Home/End
 * move and activate, each tab controls its tabpanel (`tabPanelProps`).
 */
export function ViewTabs({ tabs, active, onChange }: { tabs: Array<{ id: Tab; label: string }>; active: Tab; onChange(tab: Tab): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === active);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown} tabIndex={-1}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          role="tab"
          aria-selected={active === t.id}
          aria-controls={`view-${t.id}`}
          tabIndex={active === t.id ? 0 : -1}
          className={active === t.id ? 'tab active' : 'tab'}
          data-testid={`tab-${t.id}`}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** The props of the view that tab `id` controls. */
export const tabPanelProps = (id: Tab, active: Tab) => ({ role: 'tabpanel', id: `view-${id}`, 'aria-labelledby': `tab-${id}`, hidden: id !== active, className: 'view' });
