// A load report's problems, grouped by reason: one line for a reason a single item has, one
// expandable line ("2,070 rows · column event_date: …, e.g. rows 3, 9, 14") for a reason many
// share, listing them when opened.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useMemo } from 'react';
import { describeLocation, type Problem } from '../../model/dataset';
import { describeGroup, groupProblems } from '../../model/problemGroups';
import { QuotedText } from '../../ui/QuotedText';

/** Items listed under an opened group; the rest are counted. */
const LISTED = 200;

function ProblemItem({ p }: { p: Problem }) {
  const { t } = useTranslation();
  return (
    <li className={`dl-problem dl-problem-${p.severity}`}>
      <span className="dl-badge">{t(`report.severity.${p.severity}`)}</span>{' '}
      <code>{describeLocation(p)}</code>: <QuotedText text={p.message} />
    </li>
  );
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const groups = useMemo(() => groupProblems(problems), [problems]);
  const { t } = useTranslation();
  return (
    <ol className="dl-problems">
      {groups.map((group, i) =>
        group.count === 1 ? (
          <ProblemItem key={i} p={group.problems[0]!} />
        ) : (
          <li key={i} className={`dl-problem dl-problem-${group.severity}`}>
            <details>
              <summary>
                <span className="dl-badge">{t(`report.severity.${group.severity}`)}</span>{' '}
                {describeGroup(group)}
              </summary>
              <ol className="dl-problems">
                {group.problems.slice(0, LISTED).map((p, j) => (
                  <ProblemItem key={j} p={p} />
                ))}
              </ol>
              {group.count > LISTED && (
                <p className="dl-note">
                  {t('report.moreLikeThese', { n: formatCount(group.count - LISTED, true) })}
                </p>
              )}
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
