// Text from the data as the details show it: whole, or, past what the page shows (a 30 MB notes
// cell), its start and a note that says how long it is. The data and the exports keep it whole;
// laying out millions of characters made every click wait for seconds.
import { t } from '../../i18n';
import { cutText, SHOWN_CHARS } from '../../model/longText';
import { formatCount } from '../../model/readerLocale';

export function ShownText({ text }: { text: string }) {
  if (text.length <= SHOWN_CHARS) return <>{text}</>;
  return (
    <>
      {`${cutText(text, SHOWN_CHARS)}…`}
      <span className="dl-note dl-text-cut" data-testid="value-cut">
        {t('details.valueCut', {
          length: formatCount(text.length, true),
          shown: formatCount(SHOWN_CHARS, true),
        })}
      </span>
    </>
  );
}
