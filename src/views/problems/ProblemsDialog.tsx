// The load report: how many events loaded, how many were rejected, and every problem with where
// it is (file, collection, index, id, field) and why. Opened from the header.
import { useEffect, useRef } from 'react';
import { loadSummary } from '../../data/openData';
import { describeLocation } from '../../model/dataset';
import { useAppStore } from '../../store';

export function ProblemsButton() {
  const report = useAppStore((s) => s.report);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const requests = useAppStore((s) => s.reportRequests);
  const handled = useRef(requests);
  useEffect(
    function showWhenAsked() {
      if (requests === handled.current) return;
      handled.current = requests;
      if (!dialogRef.current?.open) dialogRef.current?.showModal();
    },
    [requests],
  );
  if (!report) return null;
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const summary = loadSummary(report.eventsAccepted, report.eventsRejected);
  return (
    <>
      <button
        type="button"
        className={`dl-report-button${report.problems.length ? ' dl-has-problems' : ''}`}
        onClick={() => dialogRef.current?.showModal()}
        data-testid="report-button"
      >
        {summary}
        {report.problems.length > 0 &&
          ` · ${report.problems.length} problem${report.problems.length > 1 ? 's' : ''} (see why)`}
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog"
        aria-labelledby="dl-report-title"
        data-testid="report"
      >
        <h2 id="dl-report-title">Load report: {report.file}</h2>
        <p>
          {summary}; {errors} error{errors === 1 ? '' : 's'}, {warnings} warning
          {warnings === 1 ? '' : 's'}.
        </p>
        {report.problems.length === 0 ? (
          <p>Every item passed validation.</p>
        ) : (
          <ol className="dl-problems">
            {report.problems.map((p, i) => (
              <li key={i} className={`dl-problem dl-problem-${p.severity}`}>
                <span className="dl-badge">{p.severity}</span> <code>{describeLocation(p)}</code>:{' '}
                {p.message}
              </li>
            ))}
          </ol>
        )}
        <form method="dialog">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
