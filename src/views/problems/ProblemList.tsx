// A load report's problems, grouped by reason: one line for a reason a single item has, one
// expandable line ("2,070 rows · column event_date: …, e.g. rows 3, 9, 14") for a reason many
// share, listing them when opened.
import { useMemo } from 'react';
import { describeLocation, type Problem } from '../../model/dataset';
import { describeGroup, groupProblems } from '../../model/problemGroups';
import { QuotedText } from '../../ui/QuotedText';

/** Items listed under an opened group; the rest are counted. */
const LISTED = 200;

function ProblemItem({ p }: { p: Problem }) {
  return (
    <li className={`dl-problem dl-problem-${p.severity}`}>
      <span className="dl-badge">{p.severity}</span> <code>{describeLocation(p)}</code>:{' '}
      <QuotedText text={p.message} />
    </li>
  );
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const groups = useMemo(() => groupProblems(problems), [problems]);
  return (
    <ol className="dl-problems">
      {groups.map((group, i) =>
        group.count === 1 ? (
          <ProblemItem key={i} p={group.problems[0]!} />
        ) : (
          <li key={i} className={`dl-problem dl-problem-${group.severity}`}>
            <details>
              <summary>
                <span className="dl-badge">{group.severity}</span> {describeGroup(group)}
              </summary>
              <ol className="dl-problems">
                {group.problems.slice(0, LISTED).map((p, j) => (
                  <ProblemItem key={j} p={p} />
                ))}
              </ol>
              {group.count > LISTED && (
                <p className="dl-note">
                  and {(group.count - LISTED).toLocaleString('en-US')} more like these
                </p>
              )}
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
