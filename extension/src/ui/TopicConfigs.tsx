import type { TopicConfigEntry } from '@kafka-inspector/shared';
import { useState } from 'react';
import { humanConfigValue } from './config-value';

/**
 * A topic's configuration: values in human units (the raw value beside them), overrides told apart
 * from broker defaults with a legend, and a filter by name or value.
 */
export function TopicConfigs({ configs }: { configs: TopicConfigEntry[] }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = configs.filter((c) => !needle || c.name.toLowerCase().includes(needle) || (!c.sensitive && (c.value ?? '').toLowerCase().includes(needle)));
  const overrides = configs.filter((c) => !c.isDefault).length;
  return (
    <div className="topic-configs">
      <div className="row config-head">
        <input className="search" type="search" placeholder="Filter configs" aria-label="Filter configs" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="config-filter" />
        <p className="legend muted" data-testid="config-legend">
          <span className="tag override">override</span> set on this topic ({overrides}) · <span className="tag default">default</span> from the broker
        </p>
      </div>
      <table className="grid compact" data-testid="configs-table" aria-label="Configuration">
        <tbody>
          {shown.map((c) => {
            const human = c.sensitive ? null : humanConfigValue(c.name, c.value);
            return (
              <tr key={c.name} className={c.isDefault ? 'config-default' : 'config-override'} data-testid="config-row" data-config={c.name}>
                <td className="mono">{c.name}</td>
                <td className="mono" title={human ? `${c.value}` : undefined}>
                  {c.sensitive ? '••••' : (human ?? c.value ?? '—')}
                  {human && <span className="muted raw"> {c.value}</span>}
                </td>
                <td>{c.isDefault ? <span className="tag default">default</span> : <span className="tag override">override</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No config matches “{filter}”.</p>}
    </div>
  );
}
