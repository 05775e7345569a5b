// A problem's parts (problemText.ts) for React: each value from the data in a <bdi> of its own,
// each clause as a sentence of its own, in the page's language.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Said } from '../../model/problemCodes';
import { ltrOnly, saidParts, type Part, type Translate } from '../../model/problemText';

export function Parts({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : 'data' in part ? (
          <bdi key={i} dir={ltrOnly(part.data) ? 'ltr' : undefined}>
            {part.data}
          </bdi>
        ) : (
          <ProblemText key={i} said={part.said} />
        ),
      )}
    </>
  );
}

export function ProblemText({ said }: { said: Said }) {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => String(t(key, values ?? {}));
  return <Parts parts={saidParts(said, translate)} />;
}
