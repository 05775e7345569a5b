// Listens for the app's keyboard shortcuts (shortcuts.ts decides which key is which) and acts:
// focus the search box, step to the previous or next event, open the shortcuts dialog, and Esc,
// which clears the selection once everything that Esc closes first (a dialog, the map's popup,
// the header menu, the search box's text) has had it.
import { useEffect, type RefObject } from 'react';
import { useAppStoreApi } from '../store';
import { stepSelection } from '../store/navigation';
import { selectPlayingStory } from '../store/storySlice';
import { inlineArrow, pageDirection } from './direction';
import { keyTargetOf, shortcutFor } from './shortcuts';

export function useShortcuts(shortcutsDialog: RefObject<HTMLDialogElement | null>) {
  const store = useAppStoreApi();
  useEffect(
    function listenForShortcuts() {
      function onKeyDown(e: KeyboardEvent) {
        // In RTL the arrows step the other way, as the timeline's time runs (direction.ts).
        const press = {
          key: inlineArrow(e.key, pageDirection()),
          ctrlKey: e.ctrlKey,
          altKey: e.altKey,
          metaKey: e.metaKey,
          defaultPrevented: e.defaultPrevented,
        };
        const action = shortcutFor(press, keyTargetOf(document.activeElement));
        if (!action) return;
        switch (action) {
          case 'escape':
            // The map's open popup gets Esc first (Leaflet closes it when the map has focus).
            if (document.querySelector('.leaflet-popup')) return;
            store.getState().select(null, 'keyboard');
            return;
          case 'focus-search': {
            const search = document.querySelector<HTMLInputElement>('#dl-search-input');
            if (!search) return;
            e.preventDefault();
            search.scrollIntoView({ block: 'nearest' });
            search.focus({ preventScroll: true });
            search.select();
            return;
          }
          case 'help':
            e.preventDefault();
            shortcutsDialog.current?.showModal();
            return;
          case 'previous':
          case 'next':
            e.preventDefault();
            // While a story plays, ← and → move through its steps ([ and ] still step events).
            if (
              (e.key === 'ArrowLeft' || e.key === 'ArrowRight') &&
              selectPlayingStory(store.getState())
            ) {
              store.getState().stepStory(action === 'next' ? 1 : -1);
              return;
            }
            stepSelection(action === 'next' ? 1 : -1, 'keyboard', store);
            return;
        }
      }
      window.addEventListener('keydown', onKeyDown);
      return function stopListening() {
        window.removeEventListener('keydown', onKeyDown);
      };
    },
    [store, shortcutsDialog],
  );
}
