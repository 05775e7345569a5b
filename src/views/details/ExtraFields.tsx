// Fields an imported file had that Dateline has no place for, kept on the event and shown here
// so nothing from the file is lost.
interface Props {
  extra: Readonly<Record<string, unknown>>;
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function ExtraFields({ extra }: Props) {
  const entries = Object.entries(extra).filter(([, v]) => asText(v) !== '');
  if (entries.length === 0) return null;
  return (
    <section className="dl-extra" aria-labelledby="dl-extra-title" data-testid="extra-fields">
      <h3 id="dl-extra-title">More from the file</h3>
      <dl className="dl-facts">
        {entries.map(([key, value]) => (
          <div key={key} className="dl-extra-row">
            <dt>{key}</dt>
            <dd>{asText(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
