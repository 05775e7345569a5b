// The story editor (issue 13): a panel beside the views, not a modal, so the reader can select
// events on the timeline, map or list while writing. It edits a story written in this browser:
// its title and description; each step's title and text (Markdown allowed); adding the selected
// event, with the view on screen, as the next step; reordering by drag or by keyboard (Alt+↑/↓ on
// a step's buttons or title, or its Move up/down buttons), each move announced; deleting steps. Every change goes
// to the store at once, and from there to IndexedDB (src/data/localStories.ts).
import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { addStep, deleteStep, editStep, editStory, moveStep } from '../../model/storyEdit';
import type { Story } from '../../model/stories';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectAuthoredStories, selectPlayingStory } from '../../store/storySlice';
import { stepOfScreen } from './StoriesDialog';
import './story.css';

let nextKey = 0;

/** Keys for the steps that follow them through moves, so focus and typing stay with a step. */
class StepKeys {
  private id = '';
  private keys: number[] = [];

  /** Fresh keys for another story, or for steps changed from elsewhere. */
  follow(story: Story): this {
    if (this.id !== story.id || this.keys.length !== story.steps.length) {
      this.id = story.id;
      this.keys = story.steps.map(() => nextKey++);
    }
    return this;
  }
  at(i: number): number {
    return this.keys[i] ?? -1 - i;
  }
  move(from: number, to: number): void {
    const [key] = this.keys.splice(from, 1);
    if (key !== undefined) this.keys.splice(to, 0, key);
  }
  insert(at: number): void {
    this.keys.splice(at, 0, nextKey++);
  }
  remove(i: number): void {
    this.keys.splice(i, 1);
  }
}

export function StoryEditor({ id }: { id: string }) {
  const store = useAppStoreApi();
  const story = useAppStore((s) => selectAuthoredStories(s).find((x) => x.id === id));
  const dataset = useAppStore((s) => s.dataset);
  const hasSelection = useAppStore((s) => s.selectedId !== null);
  const playingStep = useAppStore((s) => {
    const p = selectPlayingStory(s);
    return p && p.story.id === id ? p.step : null;
  });
  const [announcement, setAnnouncement] = useState('');
  const dragFrom = useRef<number | null>(null);
  const ids = useId();
  const [keyStore] = useState(() => new StepKeys());
  const stepKeys = keyStore.follow(story ?? { id, title: '', description: '', steps: [] });
  const focusAfter = useRef<string | null>(null);
  const { t } = useTranslation();

  if (!story) return null;
  const edit = (change: (stories: readonly Story[]) => readonly Story[]) =>
    store.getState().editAuthoredStories(change);

  const label = (i: number) => {
    const step = story.steps[i];
    if (!step) return '';
    const event = step.event !== undefined ? dataset?.eventById.get(step.event) : undefined;
    return step.title ?? event?.title ?? t('storyEditor.aView');
  };

  const move = (from: number, to: number, focus?: string) => {
    if (to < 0 || to >= story.steps.length || to === from) return;
    const key = stepKeys.at(from);
    stepKeys.move(from, to);
    focusAfter.current = focus ? `${key}:${focus}` : null;
    const name = label(from);
    edit((list) => moveStep(list, id, from, to));
    setAnnouncement(
      t('storyEditor.moved', {
        title: name,
        step: formatCount(to + 1),
        total: formatCount(story.steps.length),
      }),
    );
  };

  const add = () => {
    const step = stepOfScreen(store.getState());
    if (!step) return;
    const after = playingStep ?? undefined;
    const at = after === undefined ? story.steps.length : after + 1;
    stepKeys.insert(at);
    edit((list) => addStep(list, id, step, after));
    const event = dataset?.eventById.get(step.event ?? '');
    setAnnouncement(
      t('storyEditor.added', {
        title: event?.title ?? t('storyEditor.theSelectedEvent'),
        step: formatCount(at + 1),
        total: formatCount(story.steps.length + 1),
      }),
    );
  };

  const remove = (i: number) => {
    const name = label(i);
    stepKeys.remove(i);
    edit((list) => deleteStep(list, id, i));
    setAnnouncement(t('storyEditor.deleted', { step: formatCount(i + 1), title: name }));
    const playing = selectPlayingStory(store.getState());
    if (playing?.story.id === id && playing.story.steps.length === 0) store.getState().leaveStory();
  };

  const onStepKeyDown = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const target = e.target as HTMLElement;
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, target.dataset.focusName);
  };

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    const from = dragFrom.current;
    dragFrom.current = null;
    if (from !== null) move(from, to);
  };

  const refocus = (el: HTMLElement | null) => {
    if (!el || !focusAfter.current) return;
    if (el.dataset.focusKey === focusAfter.current) {
      focusAfter.current = null;
      el.focus();
    }
  };

  return (
    <section
      className="dl-story dl-story-editor"
      aria-labelledby={`${ids}-h`}
      data-testid="story-editor"
    >
      <div className="dl-story-bar">
        <h2 id={`${ids}-h`} className="dl-story-title">
          <span className="dl-story-kind">{t('storyEditor.kind')}</span> {story.title}
        </h2>
        <div className="dl-story-buttons">
          <button
            type="button"
            onClick={add}
            disabled={!hasSelection}
            title={hasSelection ? undefined : t('storyEditor.selectFirst')}
            data-testid="story-add-step"
          >
            {playingStep !== null ? t('storyEditor.addAfter') : t('storyEditor.addNext')}
          </button>
          <button
            type="button"
            onClick={() => store.getState().playStory(id, 0)}
            disabled={story.steps.length === 0}
            data-testid="story-play"
          >
            {t('stories.play')}
          </button>
          <button
            type="button"
            onClick={() => store.getState().setStoryEditing(null)}
            data-testid="story-done"
          >
            {t('storyEditor.done')}
          </button>
        </div>
      </div>
      <div className="dl-story-editor-body">
        <div className="dl-story-fields">
          <label>
            {t('storyEditor.title')}
            <input
              type="text"
              value={story.title}
              onChange={(e) => edit((list) => editStory(list, id, { title: e.target.value }))}
              data-testid="story-title-input"
            />
          </label>
          <label>
            {t('storyEditor.description')}
            <textarea
              rows={2}
              value={story.description}
              onChange={(e) => edit((list) => editStory(list, id, { description: e.target.value }))}
            />
          </label>
        </div>
        {story.steps.length === 0 ? (
          <p className="dl-note">{t('storyEditor.noSteps')}</p>
        ) : (
          <ol className="dl-story-steps" aria-label={t('storyEditor.steps')}>
            {story.steps.map((step, i) => {
              const key = stepKeys.at(i);
              const event =
                step.event !== undefined ? dataset?.eventById.get(step.event) : undefined;
              const current = playingStep === i;
              return (
                // Dropping a dragged step on a row is the pointer's way; the keyboard's is Alt+↑/↓.
                // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
                <li
                  key={key}
                  className={`dl-story-step-row${current ? ' dl-story-step-current' : ''}`}
                  data-testid="story-step-row"
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => onDrop(e, i)}
                >
                  <div className="dl-story-step-head">
                    <span
                      className="dl-story-drag"
                      draggable
                      onDragStart={(e) => {
                        dragFrom.current = i;
                        e.dataTransfer.effectAllowed = 'move';
                        e.dataTransfer.setData('text/plain', String(i + 1));
                      }}
                      title={t('storyEditor.drag')}
                      aria-hidden="true"
                      data-testid="story-step-drag"
                    >
                      ⠿
                    </span>
                    <span className="dl-story-step-name">
                      {formatCount(i + 1)}.{' '}
                      {event ? (
                        <span lang={dataset?.language}>{event.title}</span>
                      ) : (
                        t('storyEditor.viewOnly')
                      )}
                      {step.view && <span className="dl-note"> · {t('storyEditor.withView')}</span>}
                    </span>
                    <button
                      type="button"
                      onClick={() => store.getState().playStory(id, i)}
                      onKeyDown={(e) => onStepKeyDown(e, i)}
                      aria-label={t('storyEditor.showStep', { step: formatCount(i + 1) })}
                      aria-current={current ? 'step' : undefined}
                    >
                      {t('storyEditor.show')}
                    </button>
                    <button
                      type="button"
                      onClick={() => move(i, i - 1, 'up')}
                      onKeyDown={(e) => onStepKeyDown(e, i)}
                      disabled={i === 0}
                      aria-label={t('storyEditor.moveUp', { step: formatCount(i + 1) })}
                      aria-keyshortcuts="Alt+ArrowUp"
                      data-focus-name="up"
                      data-focus-key={`${key}:up`}
                      ref={refocus}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      onClick={() => move(i, i + 1, 'down')}
                      onKeyDown={(e) => onStepKeyDown(e, i)}
                      disabled={i === story.steps.length - 1}
                      aria-label={t('storyEditor.moveDown', { step: formatCount(i + 1) })}
                      aria-keyshortcuts="Alt+ArrowDown"
                      data-focus-name="down"
                      data-focus-key={`${key}:down`}
                      ref={refocus}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      onClick={() => remove(i)}
                      onKeyDown={(e) => onStepKeyDown(e, i)}
                      aria-label={t('storyEditor.deleteStep', { step: formatCount(i + 1) })}
                    >
                      {t('stories.delete')}
                    </button>
                  </div>
                  <label>
                    {t('storyEditor.stepTitle')}{' '}
                    <span className="dl-note">{t('storyEditor.stepTitleHint')}</span>
                    <input
                      type="text"
                      value={step.title ?? ''}
                      onChange={(e) =>
                        edit((list) => editStep(list, id, i, { title: e.target.value }))
                      }
                      onKeyDown={(e) => onStepKeyDown(e, i)}
                      data-focus-name="title"
                      data-focus-key={`${key}:title`}
                      ref={refocus}
                    />
                  </label>
                  <label>
                    {t('storyEditor.text')}{' '}
                    <span className="dl-note">{t('storyEditor.textHint')}</span>
                    <textarea
                      rows={2}
                      value={step.text}
                      onChange={(e) =>
                        edit((list) => editStep(list, id, i, { text: e.target.value }))
                      }
                      data-focus-name="text"
                      data-focus-key={`${key}:text`}
                      ref={refocus}
                      data-testid="story-step-text"
                    />
                  </label>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <p className="dl-sr-only" aria-live="polite" data-testid="story-editor-announcer">
        {announcement}
      </p>
    </section>
  );
}
