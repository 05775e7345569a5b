// A load report's problems, grouped by reason: one line for a reason a single item has, one
// expandable line ("2,070 rows · column event_date: …, e.g. rows 3, 9, 14") for a reason many
// share, listing them when opened.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useMemo } from 'react';
import type { Problem } from '../../model/dataset';
import { groupProblems, type ProblemGroup } from '../../model/problemGroups';
import { UNKNOWN_CODE } from '../../model/problemCodes';
import { QuotedText } from '../../ui/QuotedText';
import { groupParts, locationOf, sentenceOf, type Translate } from '../../model/problemText';
import { Parts, ProblemText } from './ProblemText';

/** Items listed under an opened group; the rest are counted. */
const LISTED = 200;

/** The sentence; one Dateline cannot read is shown in its English, marked as such. */
function Sentence({ p }: { p: Problem }) {
  const said = sentenceOf(p);
  if (said.code === UNKNOWN_CODE)
    return (
      <span lang="en" dir="auto">
        <QuotedText text={p.message} />
      </span>
    );
  return <ProblemText said={said} />;
}

function ProblemItem({ p }: { p: Problem }) {
  const { t } = useTranslation();
  return (
    <li className={`dl-problem dl-problem-${p.severity}`} data-code={p.code}>
      <span className="dl-badge">{t(`report.severity.${p.severity}`)}</span>{' '}
      <span className="dl-problem-where">
        <ProblemText said={locationOf(p)} />
      </span>
      {t('problem.colon')}
      <Sentence p={p} />
    </li>
  );
}

function GroupLine({ group }: { group: ProblemGroup }) {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => String(t(key, values ?? {}));
  return <Parts parts={groupParts(group, translate)} />;
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
                <GroupLine group={group} />
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
