// One row of the event list, held (EventList.tsx) or from a query source (RemoteEventList.tsx):
// an option of the listbox, its title cut to one line (the whole title is its tooltip and, as
// text, its name), the search's words marked, then when, what, and a status other than
// "occurred". The listbox has focus and the keys (aria-activedescendant); a click on a row is
// the pointer's way to the same selection.
import { memo, type CSSProperties } from 'react';
import { resolvedTime } from '../../model/describe';
import { shownTitle } from '../../model/longText';
import type { DatelineEvent } from '../../model/dataset';
import { t } from '../../i18n';
import { useAppStoreApi } from '../../store';
import type { Terms } from '../../model/filter/highlight';
import { Highlighted } from '../../ui/Highlighted';

export const ROW_HEIGHT = 56;
/** Rows drawn beyond the visible ones on each side, so a scroll shows no gap. */
export const OVERSCAN = 6;

export interface EventRowProps {
  event: DatelineEvent;
  /** The row's place in the whole list, from 0. */
  index: number;
  /** How many rows the whole list has. */
  setSize: number;
  selected: boolean;
  hovered: boolean;
  style: CSSProperties;
  terms: Terms;
  dataLang: string | undefined;
  /**
   * The reader's locale (language and calendar: model/readerLocale.ts). The row's words are the
   * page instance's `t`, not `useTranslation`'s (which made a translator for each row as it
   * mounted, ~0.2 ms a row): a new language or calendar reaches the row as this prop.
   */
  locale: string | undefined;
  /** Extra attributes for the row's element (`data-row`, say). */
  data?: Record<`data-${string}`, string | number>;
}

/**
 * Drawn again only when what it shows changes: a selection redraws the two rows whose state
 * changed, not every row in view (each row formats its dates through ICU: ~0.3 ms a row).
 */
export const EventRow = memo(EventRowView, sameRow);

function EventRowView({
  event: e,
  index,
  setSize,
  selected,
  hovered,
  style,
  terms,
  dataLang,
  data,
}: EventRowProps) {
  const store = useAppStoreApi();
  const className = ['dl-option', selected && 'dl-selected', hovered && 'dl-highlight']
    .filter(Boolean)
    .join(' ');
  const title = shownTitle(e.title);
  return (
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      id={`dl-option-${index}`}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={className}
      style={style}
      data-event-id={e.id}
      {...data}
      onClick={() => store.getState().select(e.id, 'list')}
      onMouseEnter={() => store.getState().hover([e.id], 'list')}
      onMouseLeave={() => store.getState().hover([], 'list')}
    >
      <span className="dl-option-title" title={title} lang={dataLang} dir="auto">
        <Highlighted text={title} terms={terms} />
      </span>
      <span className="dl-option-meta">
        {e.time.approximate ? '≈ ' : ''}
        {resolvedTime(e)} · {t(`values.type.${e.type}`)}
        {e.status !== 'occurred' ? ` · ${t(`values.status.${e.status}`)}` : ''}
      </span>
    </div>
  );
}

/** Whether two rows' props draw the same row: the style's place and the data's values compared. */
export function sameRow(a: EventRowProps, b: EventRowProps): boolean {
  return (
    a.event === b.event &&
    a.index === b.index &&
    a.setSize === b.setSize &&
    a.selected === b.selected &&
    a.hovered === b.hovered &&
    a.terms === b.terms &&
    a.dataLang === b.dataLang &&
    a.locale === b.locale &&
    sameShallow(a.style, b.style) &&
    sameShallow(a.data, b.data)
  );
}

function sameShallow(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.is(a[k as keyof typeof a], b[k as keyof typeof b]))
  );
}

/**
 * The list's target row for a key, from row `from` (-1: none yet), or undefined for a key the
 * list does not take. `page` is how many rows a page key moves.
 */
export function keyTarget(
  key: string,
  from: number,
  page: number,
  total: number,
): number | undefined {
  const targets: Record<string, number> = {
    ArrowDown: from + 1,
    // ↑ with nothing selected starts from the end.
    ArrowUp: from < 0 ? total - 1 : from - 1,
    PageDown: from + page,
    PageUp: from - page,
    Home: 0,
    End: total - 1,
  };
  const target = targets[key];
  return target === undefined || total === 0 ? undefined : Math.min(total - 1, Math.max(0, target));
}
