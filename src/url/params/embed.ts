// `embed=1`: the page is inside another site's iframe, with minimal chrome (the dataset's title,
// the views, "Open in Dateline"). Written only when on; `0` or `false` read as off.
import { t } from '../../i18n';
import type { LinkParam } from '../params';

export const EMBED_PARAMS: readonly LinkParam[] = [
  {
    name: 'embed',
    read(value, view, notes) {
      if (value === '1' || value === 'true') return { ...view, embed: true };
      if (value === '0' || value === 'false') return view;
      notes.reject(t('link.why.oneOrZero'));
      return view;
    },
    write: (view) => (view.embed ? '1' : null),
    arbitrary: (fc) => fc.boolean().map((on) => (view) => (on ? { ...view, embed: true } : view)),
  },
];
