// The chooser a map popup shows when one marker holds several events (a place with several, or
// places too close to ever split on the map): a list of buttons, built as text nodes. Long lists
// stop at CHOOSER_LIMIT and say how many more there are. From the keyboard: the arrows move
// through the events, Esc closes it, and focus goes back to the marker that opened it, after a
// pick too (the marker then shows the event selected).
import { t } from '../../i18n';
import { segmentNodes, type Segment } from '../../i18n/isolated';
import { formatCount } from '../../model/readerLocale';
import L from 'leaflet';
import type { DatelineEvent } from '../../model/dataset';
import { moveFocus } from '../../ui/rovingFocus';
import { shownTitle } from '../../model/longText';

export const CHOOSER_LIMIT = 100;

export interface ChooserCallbacks {
  onChoose: (id: string) => void;
  onHover: (ids: readonly string[]) => void;
}

/** The popup's heading: text, or a sentence with a place's name in it (from the data, isolated). */
export type ChooserTitle = string | readonly Segment[];

export function buildChooser(
  title: ChooserTitle,
  events: readonly DatelineEvent[],
  selectedId: string | null,
  callbacks: ChooserCallbacks,
): HTMLElement {
  const root = document.createElement('div');
  root.className = 'dl-chooser';
  const heading = document.createElement('p');
  heading.className = 'dl-chooser-title';
  if (typeof title === 'string') heading.textContent = title;
  else heading.append(...segmentNodes(title));
  const list = document.createElement('ul');
  for (const e of events.slice(0, CHOOSER_LIMIT)) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = shownTitle(e.title);
    button.dir = 'auto';
    button.dataset.eventId = e.id;
    if (e.id === selectedId) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => callbacks.onChoose(e.id));
    button.addEventListener('mouseenter', () => callbacks.onHover([e.id]));
    button.addEventListener('mouseleave', () => callbacks.onHover([]));
    li.append(button);
    list.append(li);
  }
  root.append(heading, list);
  const more = events.length - CHOOSER_LIMIT;
  if (more > 0) {
    const note = document.createElement('p');
    note.className = 'dl-chooser-more';
    note.textContent = t('map.chooserMore', { n: formatCount(more, true) });
    root.append(note);
  }
  return root;
}

/** Opens the chooser in a popup at a marker, and focuses its first event. */
export function openChooser(
  map: L.Map,
  at: L.LatLng,
  title: ChooserTitle,
  events: readonly DatelineEvent[],
  selectedId: string | null,
  callbacks: ChooserCallbacks,
): void {
  // The marker (or whatever) that had focus: it gets it back when the chooser closes.
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  // A long list scrolls inside the popup: a popup taller than the map made Leaflet pan the map
  // away from the place (and its markers) to show the popup's top.
  const maxHeight = Math.max(160, Math.round(map.getSize().y * 0.6));
  const popup = L.popup({ maxWidth: 320, maxHeight, autoPanPadding: [24, 24] });
  const close = () => {
    map.closePopup(popup);
    if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
  };
  const root = buildChooser(title, events, selectedId, {
    onChoose: (id) => {
      close();
      callbacks.onChoose(id);
    },
    onHover: callbacks.onHover,
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      // The app's own Esc (clear the selection) waits for the next one.
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (moveFocus(root, e, 'vertical')) e.preventDefault();
  });
  popup.setLatLng(at).setContent(root).openOn(map);
  root.querySelector('button')?.focus();
}
