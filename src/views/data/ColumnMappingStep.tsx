// The column-mapping step: shown before a table loads when Dateline is not sure which column is
// which (no title, no date, two candidates) or when the user asks. The first rows in a small
// table, a select per Dateline field with the guessed column, a live count over the whole file
// of how many rows would load (counted in the import worker), and Load. The choice is
// remembered for files with the same header (src/data/rememberedColumns.ts).
import './columnMapping.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { RowCount } from '../../data/importProtocol';
import type { ColumnMapping } from '../../formats';
import { FIELD_LABELS, LIST_FIELDS, type MappedField } from '../../formats/columns';
import type { ColumnStep } from '../../store/datasetSlice';
import { useAppStore } from '../../store';

const COUNT_DELAY_MS = 120;
const n = (x: number) => x.toLocaleString('en-US');

/** The field each column is read as, for the preview table's header. */
function fieldOfColumn(mapping: ColumnMapping): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, label] of FIELD_LABELS) {
    for (const column of mapping[field] ?? []) if (!out.has(column)) out.set(column, label);
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

function CountLine({ count, total }: { count: RowCount | null; total: number }) {
  if (!count) return <>Counting the rows that would load…</>;
  return (
    <>
      <strong>
        {n(count.accepted)} of {n(count.accepted + count.rejected || total)} rows
      </strong>{' '}
      would load.
      {count.reason && <> Most common problem: {count.reason}</>}
    </>
  );
}

function Dialog({ step }: { step: ColumnStep }) {
  const { preview } = step;
  const ids = useId();
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
  const selects = FIELD_LABELS.flatMap(([field, label]) => {
    const chosen = mapping[field] ?? [];
    const slots = LIST_FIELDS.has(field) ? chosen.length + 1 : 1;
    return Array.from({ length: slots }, (_, slot) => {
      const id = `${ids}-${field}-${slot}`;
      return (
        <div className="dl-colmap-field" key={id}>
          <label htmlFor={id}>{slot === 0 ? label : `${label} ${slot + 1}`}</label>
          <select
            id={id}
            value={chosen[slot] ?? ''}
            onChange={(e) => setMapping((m) => withColumn(m, field, slot, e.target.value))}
            data-field={field}
          >
            <option value="">(none)</option>
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
      <h2 id={`${ids}-title`}>Which column is which? {step.label}</h2>
      <div id={`${ids}-why`}>
        {preview.unsure.length > 0 ? (
          <>
            <p>Dateline is not sure how to read this file’s columns:</p>
            <ul>
              {preview.unsure.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Check the column chosen for each field.</p>
        )}
        <p className="dl-note">
          Your choice is remembered in this browser for files with the same columns, and links to
          the dataset carry it.
        </p>
      </div>

      <div className="dl-colmap-preview" role="region" aria-labelledby={`${ids}-caption`}>
        <table>
          <caption id={`${ids}-caption`}>
            First {preview.rows.length} of {n(preview.total)} rows
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
          <legend>Read each field from</legend>
          {selects}
        </fieldset>
        <p className="dl-colmap-count" aria-live="polite" data-testid="column-mapping-count">
          <CountLine count={count} total={preview.total} />
        </p>
        <div className="dl-dialog-actions">
          <button type="button" onClick={step.cancel}>
            Cancel
          </button>
          <button type="submit" className="dl-primary">
            Load
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
