// The story panel (issue 13): the story playing, its step's title and text, "3 of 9", Previous
// and Next, a progress bar, and a way out. It reads and drives only the store, so it works in any
// chrome (the app's, an embed's). On a touch screen a swipe left or right on it moves a step.
// Leaving keeps everything on screen as it is. The story's words are data: marked with their
// language when known, and laid out in their own direction (dir=auto) in a page of the other.
import { useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectPlayingStory } from '../../store/storySlice';
import { StoryText } from './StoryText';
import { arrowGlyphs, inlineArrow, pageDirection } from '../../ui/direction';
import './story.css';

/** How far a finger must travel sideways, and how much more than up or down, to be a swipe. */
const SWIPE_PX = 50;

export function StoryPanel({ onEdit }: { onEdit?: (id: string) => void }) {
  const store = useAppStoreApi();
  // A new object per call: compared field by field, or every store change would re-render.
  const playing = useAppStore(useShallow(selectPlayingStory));
  const dataset = useAppStore((s) => s.dataset);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  const { t } = useTranslation();
  if (!playing) return null;
  const { story, step, authored } = playing;
  const total = story.steps.length;
  const current = story.steps[step];
  const event = current?.event !== undefined ? dataset?.eventById.get(current.event) : undefined;
  const heading = current?.title ?? event?.title;
  // The file's stories are written in the dataset's language; the reader's own, in theirs.
  const storyLang = authored ? undefined : dataset?.language;
  const headingLang = current?.title !== undefined ? storyLang : dataset?.language;
  const { stepStory, leaveStory } = store.getState();
  const at = { step: formatCount(step + 1), total: formatCount(total) };
  // In RTL the arrow keys (and their glyphs) swap, as time on the timeline runs right to left.
  const dir = pageDirection();

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') return;
    swipe.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onPointerUp = (e: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== e.pointerId) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 2 * Math.abs(dy)) return;
    // The next step comes from the end of the line: a finger moving left brings it in, or moving
    // right in a right-to-left page.
    stepStory(dx < 0 === (dir === 'ltr') ? 1 : -1);
  };

  return (
    <section
      className="dl-story"
      aria-labelledby="dl-story-title"
      data-testid="story-panel"
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (swipe.current = null)}
    >
      <div className="dl-story-bar">
        <h2 id="dl-story-title" className="dl-story-title">
          <span className="dl-story-kind">{t('story.kind')}</span>{' '}
          <span lang={storyLang} dir="auto">
            {story.title}
          </span>
        </h2>
        <p className="dl-story-count" data-testid="story-count">
          {total === 0 ? (
            t('story.noSteps')
          ) : (
            <>
              <span className="dl-sr-only">{t('story.stepWord')} </span>
              {t('story.count', at)}
            </>
          )}
        </p>
        <div className="dl-story-buttons">
          <button
            type="button"
            onClick={() => stepStory(-1)}
            disabled={step <= 0}
            aria-keyshortcuts={inlineArrow('ArrowLeft', dir)}
            title={arrowGlyphs(t('story.previousTitle'), dir)}
            data-testid="story-previous"
          >
            <span className="dl-arrow" aria-hidden="true">
              ←
            </span>{' '}
            {t('story.previous')}
          </button>
          <button
            type="button"
            onClick={() => stepStory(1)}
            disabled={step >= total - 1}
            aria-keyshortcuts={inlineArrow('ArrowRight', dir)}
            title={arrowGlyphs(t('story.nextTitle'), dir)}
            data-testid="story-next"
          >
            {t('story.next')}{' '}
            <span className="dl-arrow" aria-hidden="true">
              →
            </span>
          </button>
          {authored && onEdit && (
            <button type="button" onClick={() => onEdit(story.id)} data-testid="story-edit">
              {t('story.edit')}
            </button>
          )}
          <button
            type="button"
            onClick={leaveStory}
            aria-label={t('story.leaveLabel')}
            title={t('story.leaveLabel')}
            data-testid="story-leave"
          >
            {t('story.leave')}
          </button>
        </div>
      </div>
      {total > 0 && (
        <progress
          className="dl-story-progress"
          max={total}
          value={step + 1}
          aria-label={t('story.progress', at)}
        />
      )}
      <div className="dl-story-step" data-testid="story-step">
        {heading && (
          <h3 className="dl-story-step-title" lang={headingLang} dir="auto">
            {heading}
          </h3>
        )}
        {current && current.text.trim() !== '' ? (
          <StoryText text={current.text} lang={storyLang} />
        ) : (
          // A step without words of its own (an imported slide) shows its event's summary, as
          // the slide did; it is plain text, never Markdown.
          event?.summary && (
            <p className="dl-story-summary" lang={dataset?.language} dir="auto">
              {event.summary}
            </p>
          )
        )}
        {step === 0 && story.description && (
          <p className="dl-story-description" lang={storyLang} dir="auto">
            {story.description}
          </p>
        )}
      </div>
      <p className="dl-sr-only" aria-live="polite" data-testid="story-announcer">
        {total === 0
          ? ''
          : heading
            ? t('story.announceHeading', { title: story.title, heading, ...at })
            : t('story.announce', { title: story.title, ...at })}
      </p>
    </section>
  );
}
