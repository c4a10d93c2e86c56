import { useInspector } from './store-context';
import { celProblem } from './cel-error';

const EXAMPLES = ['value.status == "paid"', 'value.amount > 100.0 && headers["source"] == "payment-gateway"', 'key.startsWith("user-") && partition == 2', 'offset >= 1200', 'value.sku.matches("^SKU-[0-9]+$")', 'has(value.error)'];

/**
 * The tail form's CEL field: an INVALID_FILTER from the companion shows under it with a caret at the
 * range it names, and marks it aria-invalid; a help popover lists the variables and examples.
 */
export function CelField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const error = useInspector((s) => s.tail.error);
  const spec = useInspector((s) => s.tail.spec);
  // Only while the field still holds the expression that was refused.
  const problem = spec?.filter?.cel === value ? celProblem(error, value) : null;
  return (
    <div className="grow cel-field">
      <label htmlFor="tail-filter-cel">CEL</label>
      <div className="cel-input-row">
        <input
          id="tail-filter-cel"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder='value.status == "paid"'
          className="mono"
          data-testid="tail-filter-cel"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'tail-filter-cel-error' : undefined}
        />
        <details className="cel-help">
          <summary aria-label="CEL help: variables and examples">?</summary>
          <div className="cel-help-body" data-testid="cel-help">
            <p>
              A <a href="https://cel.dev" target="_blank" rel="noreferrer">CEL</a> expression, run in the companion on each record:
            </p>
            <dl>
              <dt>
                <code>key</code>, <code>value</code>
              </dt>
              <dd>parsed JSON when the bytes are JSON (or decoded by a schema), else the string</dd>
              <dt>
                <code>headers</code>
              </dt>
              <dd>header name to string value</dd>
              <dt>
                <code>topic</code>, <code>partition</code>, <code>offset</code>, <code>timestamp</code>
              </dt>
              <dd>offset and timestamp (epoch ms) are 64-bit ints</dd>
            </dl>
            <p>Examples:</p>
            <ul>
              {EXAMPLES.map((example) => (
                <li key={example}>
                  <code>{example}</code>
                </li>
              ))}
            </ul>
            <p className="muted">
              <code>matches()</code> uses RE2 syntax.
            </p>
          </div>
        </details>
      </div>
      {problem && (
        <div className="cel-error" id="tail-filter-cel-error" role="alert" data-testid="cel-error">
          <p>{problem.message}</p>
          {problem.caret && (
            <pre aria-hidden="true" data-testid="cel-caret">
              {problem.expression}
              {'\n'}
              {problem.caret}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
