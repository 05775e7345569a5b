// The column-mapping step: shown before a table loads when Dateline is not sure which column is
// which (no title, no date, two candidates) or when the user asks. The first rows in a small
// table, a select per Dateline field with the guessed column, a live count over the whole file
// of how many rows would load (counted in the import worker), and Load. The choice is
// remembered for files with the same header (src/data/rememberedColumns.ts).
import { useTranslation } from 'react-i18next';
import { t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';
import './columnMapping.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { RowCount } from '../../data/importProtocol';
import { groupParts, partsText, type Translate } from '../../model/problemText';
import type { ColumnMapping } from '../../formats';
import { FIELD_LABELS, LIST_FIELDS, type MappedField } from '../../formats/columns';
import type { ColumnStep } from '../../store/datasetSlice';
import { useAppStore } from '../../store';

const COUNT_DELAY_MS = 120;
const n = (x: number) => formatCount(x, true);

/** A field's name for people ("Date (start)"). */
const fieldLabel = (field: MappedField) => t(`columns.field.${field}`);

/** The field each column is read as, for the preview table's header. */
function fieldOfColumn(mapping: ColumnMapping): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field] of FIELD_LABELS) {
    for (const column of mapping[field] ?? [])
      if (!out.has(column)) out.set(column, fieldLabel(field));
  }
  return out;
}

function withColumn(
  mapping: ColumnMapping,
  field: MappedField,
  slot: number,
  column: string,
): ColumnMapping {
  const columns = [...(mapping[field] ?? [])];
  if (column) columns[slot] = column;
  else columns.splice(slot, 1);
  const kept = columns.filter((c, i) => c && columns.indexOf(c) === i);
  const next = { ...mapping };
  if (kept.length > 0) next[field] = LIST_FIELDS.has(field) ? kept : kept.slice(0, 1);
  else delete next[field];
  return next;
}

/** The app's words for the problem text (model/problemText.ts). */
const translate: Translate = (key, values) => t(key, values ?? {});

function CountLine({ count, total }: { count: RowCount | null; total: number }) {
  if (!count) return <>{t('columns.counting')}</>;
  const all = count.accepted + count.rejected || total;
  return (
    <>
      <strong>{t('columns.rowsOf', { accepted: n(count.accepted), count: all, n: n(all) })}</strong>{' '}
      {t('columns.wouldLoad')}
      {count.reason && (
        <>
          {' '}
          {t('columns.mostCommon', {
            reason: partsText(groupParts(count.reason, translate), translate),
          })}
        </>
      )}
    </>
  );
}

function Dialog({ step }: { step: ColumnStep }) {
  const { preview } = step;
  const ids = useId();
  useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  // The count is for the mapping it was asked for; a newer mapping shows "Counting…" until its own.
  const [counted, setCounted] = useState<{ mapping: ColumnMapping; count: RowCount } | null>(null);
  const count = counted?.mapping === mapping ? counted.count : null;

  useEffect(function openModal() {
    dialogRef.current?.showModal();
  }, []);
  useEffect(
    function countRows() {
      let current = true;
      const timer = setTimeout(() => {
        void step.count(mapping).then((c) => {
          if (current && c) setCounted({ mapping, count: c });
        });
      }, COUNT_DELAY_MS);
      return function forget() {
        current = false;
        clearTimeout(timer);
      };
    },
    [mapping, step],
  );

  const shownAs = fieldOfColumn(mapping);
  const options = preview.header.map((h) => (
    <option key={h} value={h}>
      {h}
    </option>
  ));
  const selects = FIELD_LABELS.flatMap(([field]) => {
    const label = fieldLabel(field);
    const chosen = mapping[field] ?? [];
    const slots = LIST_FIELDS.has(field) ? chosen.length + 1 : 1;
    return Array.from({ length: slots }, (_, slot) => {
      const id = `${ids}-${field}-${slot}`;
      return (
        <div className="dl-colmap-field" key={id}>
          <label htmlFor={id}>
            {slot === 0 ? label : t('columns.nth', { label, n: formatCount(slot + 1) })}
          </label>
          <select
            id={id}
            value={chosen[slot] ?? ''}
            onChange={(e) => setMapping((m) => withColumn(m, field, slot, e.target.value))}
            data-field={field}
          >
            <option value="">{t('columns.none')}</option>
            {options}
          </select>
        </div>
      );
    });
  });

  return (
    <dialog
      ref={dialogRef}
      className="dl-dialog dl-colmap"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-why`}
      onCancel={(e) => {
        e.preventDefault();
        step.cancel();
      }}
      data-testid="column-mapping"
    >
      <h2 id={`${ids}-title`}>{t('columns.title', { label: step.label })}</h2>
      <div id={`${ids}-why`}>
        {preview.unsure.length > 0 ? (
          <>
            <p>{t('columns.unsure')}</p>
            <ul>
              {preview.unsure.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('columns.check')}</p>
        )}
        <p className="dl-note">{t('columns.remembered')}</p>
      </div>

      <div className="dl-colmap-preview" role="region" aria-labelledby={`${ids}-caption`}>
        <table>
          <caption id={`${ids}-caption`}>
            {t('columns.caption', {
              first: n(preview.rows.length),
              count: preview.total,
              n: n(preview.total),
            })}
          </caption>
          <thead>
            <tr>
              {preview.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                  {shownAs.has(h) && <span className="dl-colmap-as">{shownAs.get(h)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i}>
                {row.map((value, j) => (
                  <td key={j}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          step.load(mapping);
        }}
      >
        <fieldset className="dl-colmap-fields">
          <legend>{t('columns.legend')}</legend>
          {selects}
        </fieldset>
        <p className="dl-colmap-count" aria-live="polite" data-testid="column-mapping-count">
          <CountLine count={count} total={preview.total} />
        </p>
        <div className="dl-dialog-actions">
          <button type="button" onClick={step.cancel}>
            {t('progress.cancel')}
          </button>
          <button type="submit" className="dl-primary">
            {t('columns.load')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function ColumnMappingStep() {
  const step = useAppStore((s) => s.columnStep);
  // A new step (another file) starts from its own guess.
  return step ? <Dialog key={`${step.label}\u0000${step.preview.headerHash}`} step={step} /> : null;
}
