// The timeline's swimlanes in the link: `lanes=actor` (type, status, claim, place, tag). Left out
// of the link when the timeline has no lanes, so links without lanes stay as they were.
import { t } from '../../i18n';
import { GROUP_BYS, type GroupBy } from '../../model/lanes';
import type { LinkParam } from '../params';

const isGroupBy = (v: string): v is GroupBy => (GROUP_BYS as readonly string[]).includes(v);

export const LANES_PARAMS: readonly LinkParam[] = [
  {
    name: 'lanes',
    read(value, view, notes) {
      if (isGroupBy(value)) return value === 'none' ? view : { ...view, lanes: value };
      notes.reject(t('link.why.oneOf', { values: GROUP_BYS.join(', ') }));
      return view;
    },
    write: (view) =>
      view.lanes !== undefined && view.lanes !== 'none' && isGroupBy(view.lanes)
        ? view.lanes
        : null,
    arbitrary: (fc) =>
      fc
        .constantFrom(...GROUP_BYS)
        .map((lanes) => (view) => (lanes === 'none' ? view : { ...view, lanes })),
  },
];
