// The "Stories" button and its dialog (issue 13): the dataset's stories and those written in
// this browser, each to play (and, for one's own, to edit or delete), and "New story", which
// starts a story from the selected event with the view on screen (or an empty one when nothing
// is selected) and opens it in the editor.
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { createStory, deleteStory, viewOfScreen } from '../../model/storyEdit';
import type { StoryStep } from '../../model/stories';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { selectAuthoredStories, selectStories } from '../../store/storySlice';

/** The selected event, with the view on screen, as a story's step; null when none is selected. */
export function stepOfScreen(s: AppState): StoryStep | null {
  if (s.selectedId === null) return null;
  const view = viewOfScreen(s);
  return { event: s.selectedId, text: '', ...(view && { view }) };
}

export function StoriesButton({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  const stories = useAppStore(selectStories);
  const authored = useAppStore(selectAuthoredStories);
  const selectedTitle = useAppStore((s) =>
    s.selectedId === null ? null : (s.dataset?.eventById.get(s.selectedId)?.title ?? null),
  );
  const ids = useId();

  const play = (id: string) => {
    dialogRef.current?.close();
    store.getState().setStoryEditing(null);
    store.getState().playStory(id, 0);
  };
  const create = () => {
    const s = store.getState();
    const first = stepOfScreen(s);
    const taken = new Set(s.dataset?.stories.map((x) => x.id));
    const title =
      first && selectedTitle ? t('story.newTitle', { title: selectedTitle }) : t('stories.new');
    let id = '';
    s.editAuthoredStories((list) => {
      const made = createStory(list, title, taken, first ?? undefined);
      id = made.id;
      return made.stories;
    });
    dialogRef.current?.close();
    s.setStoryEditing(id);
    s.notify({
      kind: 'info',
      text: first ? t('story.started', { title }) : t('story.startedEmpty', { title }),
    });
  };
  const remove = (id: string, title: string) => {
    const s = store.getState();
    if (s.storyPlace?.id === id) s.leaveStory();
    if (s.storyEditing === id) s.setStoryEditing(null);
    s.editAuthoredStories((list) => deleteStory(list, id));
    s.notify({ kind: 'info', text: t('story.deleted', { title }) });
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => dialogRef.current?.showModal()}
        data-testid="stories-button"
      >
        {stories.length > 0
          ? t('stories.buttonCount', { n: formatCount(stories.length) })
          : t('stories.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog dl-stories-dialog"
        aria-labelledby={`${ids}-title`}
        data-testid="stories-dialog"
      >
        <h2 id={`${ids}-title`}>{t('stories.button')}</h2>
        {stories.length === 0 ? (
          <p>{t('stories.none')}</p>
        ) : (
          <ul className="dl-story-list">
            {stories.map((story) => {
              const mine = authored.includes(story);
              return (
                <li key={story.id} data-testid="story-item" data-story-id={story.id}>
                  <p className="dl-story-list-title">{story.title}</p>
                  {story.description && <p className="dl-note">{story.description}</p>}
                  <p className="dl-note">
                    {t('stories.steps', {
                      count: story.steps.length,
                      n: formatCount(story.steps.length),
                    })}{' '}
                    · {mine ? t('stories.mine') : t('stories.fromDataset')}
                  </p>
                  <p className="dl-story-list-actions">
                    <button
                      type="button"
                      onClick={() => play(story.id)}
                      disabled={story.steps.length === 0}
                      aria-label={t('stories.playNamed', { title: story.title })}
                    >
                      {t('stories.play')}
                    </button>
                    {mine && (
                      <>
                        <button
                          type="button"
                          onClick={() => {
                            dialogRef.current?.close();
                            store.getState().setStoryEditing(story.id);
                          }}
                          aria-label={t('stories.editNamed', { title: story.title })}
                        >
                          {t('stories.edit')}
                        </button>
                        <button
                          type="button"
                          onClick={() => remove(story.id, story.title)}
                          aria-label={t('stories.deleteNamed', { title: story.title })}
                        >
                          {t('stories.delete')}
                        </button>
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <button type="button" onClick={create} data-testid="story-new">
            {t('stories.new')}
          </button>{' '}
          <span className="dl-note">
            {selectedTitle
              ? t('stories.startsWith', { title: selectedTitle })
              : t('stories.selectFirst')}
          </span>
        </p>
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">{t('report.close')}</button>
        </form>
      </dialog>
    </>
  );
}
