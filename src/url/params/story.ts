// The link's story parameters (issue 13): `story=<id>` plays that story of the dataset, `step=<n>`
// at its n-th step, counted from 1 as people count (step 1 when left out). `step` is read after
// `story` and means nothing without it. Whether the dataset has the story is checked when the
// link is applied (src/url/storyLink.ts).
import { t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';
import { isSlug } from '../../model/ids';
import type { LinkParam } from '../params';
import type { ViewState } from '../types';

/** The highest step a link may name (far beyond any story a person would read). */
export const MAX_STORY_STEP = 100_000;

const STEP_RE = /^\d{1,6}$/;

export const STORY_PARAMS: readonly LinkParam[] = [
  {
    name: 'story',
    read(value, view, notes) {
      if (isSlug(value)) return { ...view, story: { id: value, step: 1 } };
      notes.reject(t('link.why.storyId', { rule: t('link.why.idRule') }));
      return view;
    },
    write: (view) => (view.story && isSlug(view.story.id) ? view.story.id : null),
    arbitrary: (fc) =>
      fc
        .option(fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_.][a-z0-9]{1,8}){0,2}$/))
        .map((id) => (view: ViewState) => {
          if (id === null) {
            const { story: _story, ...rest } = view;
            return rest;
          }
          return { ...view, story: { id, step: 1 } };
        }),
  },
  {
    name: 'step',
    read(value, view, notes) {
      const n = STEP_RE.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= MAX_STORY_STEP)) {
        notes.reject(t('link.why.step', { max: formatCount(MAX_STORY_STEP, true) }));
      } else if (!view.story) {
        notes.reject(t('link.why.stepNoStory'));
      } else {
        return { ...view, story: { ...view.story, step: n } };
      }
      return view;
    },
    write: (view) =>
      view.story &&
      isSlug(view.story.id) &&
      Number.isInteger(view.story.step) &&
      view.story.step >= 1 &&
      view.story.step <= MAX_STORY_STEP
        ? String(view.story.step)
        : null,
    arbitrary: (fc) =>
      fc
        .integer({ min: 1, max: MAX_STORY_STEP })
        .map(
          (step) => (view: ViewState) =>
            view.story ? { ...view, story: { ...view.story, step } } : view,
        ),
  },
];
