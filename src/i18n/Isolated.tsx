// A translated sentence with data inside it, for React: each named value in a <bdi> of its own
// (see isolated.ts).
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { isolatedParts } from './isolated';

export function Isolated({
  k,
  values,
  isolate,
}: {
  /** The message's key. */
  k: string;
  values: Readonly<Record<string, string | number>>;
  /** The values (data) to isolate; the others (counts) are formatted by the message. */
  isolate: readonly string[];
}) {
  const { t } = useTranslation();
  const parts = isolatedParts(k, values, isolate, (key, v) => String(t(key, v)));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <bdi key={i}>{part.data}</bdi>
        ),
      )}
    </>
  );
}
