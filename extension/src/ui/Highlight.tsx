import { highlightRuns } from './highlight';
import { useInspector } from './store-context';

/** Text with the tail's quick-filter matches marked (<mark>, which screen readers announce as such). */
export function Highlight({ text }: { text: string }) {
  const query = useInspector((s) => s.tail.quickFilter);
  const runs = highlightRuns(text, query);
  if (runs.length === 1 && !runs[0]!.match) return <>{text}</>;
  return (
    <>
      {runs.map((run, i) =>
        run.match ? (
          <mark key={i} className="qf-match">
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
