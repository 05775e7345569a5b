// Fields an imported file had that Dateline has no place for, kept on the event and shown here
// so nothing from the file is lost (a key named `__proto__` included). A value is text unless the
// event lists its key in `extraHtml` (a TimelineJS headline or caption as the file wrote it):
// that one is shown formatted, sanitised once.
import { t } from '../../i18n';
import { useDataLang } from '../../i18n/dataLang';
import { useTranslation } from 'react-i18next';
import { SafeHtml } from './SafeHtml';

interface Props {
  extra: Readonly<Record<string, unknown>>;
  /** The keys of `extra` whose values are HTML. */
  html?: readonly string[] | undefined;
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    // The loader caps nesting; a value built some other way may still be too deep to write.
    return t('details.tooDeep');
  }
}

export function ExtraFields({ extra, html = [] }: Props) {
  useTranslation();
  const dataLang = useDataLang();
  const entries = Object.entries(extra).filter(([, v]) => asText(v) !== '');
  if (entries.length === 0) return null;
  return (
    <section className="dl-extra" aria-labelledby="dl-extra-title" data-testid="extra-fields">
      <h3 id="dl-extra-title">{t('details.moreFromFile')}</h3>
      <dl className="dl-facts">
        {entries.map(([key, value]) => (
          <div key={key} className="dl-extra-row">
            <dt dir="auto">{key}</dt>
            {typeof value === 'string' && html.includes(key) ? (
              <dd lang={dataLang} dir="auto">
                <SafeHtml html={value} className="dl-extra-html" />
              </dd>
            ) : (
              <dd lang={dataLang} dir="auto">
                {asText(value)}
              </dd>
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}
