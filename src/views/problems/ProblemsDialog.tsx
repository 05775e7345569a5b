// The load report: how many events loaded, how many were rejected, and every problem with where
// it is (file, collection, index, id, field) and why, grouped by reason. Opened from the header;
// a load in which no row loaded opens its own report (the open dataset stays). For a table, the
// report offers the column-mapping step.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useEffect, useRef, type RefObject } from 'react';
import { loadSummary } from '../../data/openData';
import type { LoadReport } from '../../model/dataset';
import { useAppStore } from '../../store';
import { useShowWhenAsked } from '../../ui/useShowWhenAsked';
import { ProblemList } from './ProblemList';
import { Isolated } from '../../i18n/Isolated';

function ReportDialog({
  report,
  dialogRef,
  remap,
  testId,
  onClose,
}: {
  report: LoadReport;
  dialogRef: RefObject<HTMLDialogElement | null>;
  remap: (() => void) | null | undefined;
  testId: string;
  onClose?: () => void;
}) {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const { t } = useTranslation();
  const summary = loadSummary(report.eventsAccepted, report.eventsRejected);
  const titleId = `${testId}-title`;
  return (
    <dialog
      ref={dialogRef}
      className="dl-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
    >
      <h2 id={titleId}>
        <Isolated k="report.title" values={{ file: report.file }} isolate={['file']} />
      </h2>
      <p>
        {t('report.counts', {
          summary,
          errors,
          errorsN: formatCount(errors),
          warnings,
          warningsN: formatCount(warnings),
        })}
      </p>
      {report.problems.length === 0 ? (
        <p>{t('report.allPassed')}</p>
      ) : (
        <ProblemList problems={report.problems} />
      )}
      <form method="dialog" className="dl-dialog-actions">
        {remap && (
          <button type="submit" onClick={remap}>
            {t('report.chooseColumns')}
          </button>
        )}
        <button type="submit" autoFocus>
          {t('report.close')}
        </button>
      </form>
    </dialog>
  );
}

export function ProblemsButton() {
  const report = useAppStore((s) => s.report);
  const remap = useAppStore((s) => s.remap);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const requests = useAppStore((s) => s.reportRequests);
  const { t } = useTranslation();
  useShowWhenAsked(requests, dialogRef);
  if (!report) return null;
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
          t('report.problems', {
            count: report.problems.length,
            n: formatCount(report.problems.length),
          })}
      </button>
      <ReportDialog report={report} dialogRef={dialogRef} remap={remap} testId="report" />
    </>
  );
}

/**
 * The report of a load that was not shown because none of its rows loaded: opened when it
 * happens, and again by its notice's "See why" (which sets it anew).
 */
export function RejectedLoadReport() {
  const rejected = useAppStore((s) => s.rejectedLoad);
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(
    function showWhenRejected() {
      if (rejected && !dialogRef.current?.open) dialogRef.current?.showModal();
    },
    [rejected],
  );
  if (!rejected) return null;
  return (
    <ReportDialog
      report={rejected.report}
      dialogRef={dialogRef}
      remap={rejected.remap}
      testId="rejected-report"
    />
  );
}
