// The header's actions (Open data, Export, Share, the load report, the shortcuts). On wide
// screens they sit in the header; on narrow ones, or wherever they would crowd out the dataset's
// title (useFoldedHeader.ts), they fold into a menu button, so the header stays one line: a disclosure (aria-expanded, aria-controls) whose items the up and down
// arrows (Home, End) move through, Esc closes with focus back on the button, as does a click
// outside. An item that opens a dialog keeps the menu open under it, so the dialog (inside the
// menu's markup) stays shown and focus comes back to the item when it closes; any other item
// closes the menu.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { OpenInDateline } from '../embed/OpenInDateline';
import { useAppStore } from '../store';
import { moveFocus } from './rovingFocus';
import { useFoldedHeader } from './useFoldedHeader';

/** In an embed (?embed=1), the one action is "Open in Dateline"; the rest is the full page's. */
export function HeaderActions({ children }: { children: ReactNode }) {
  const embedded = useAppStore((s) => s.embedded);
  return embedded ? <OpenInDateline /> : <MenuActions>{children}</MenuActions>;
}

/** The class of the actions folded into the menu (app.css styles the menu by it). */
const FOLDED = 'dl-menu-folded';

function MenuActions({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const { t, i18n } = useTranslation();
  const id = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const folded = useFoldedHeader(actionsRef, FOLDED, i18n.language);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggleRef.current?.focus();
  };

  useEffect(
    function closeOnOutsideClick() {
      if (!open) return;
      function onPointerDown(e: PointerEvent) {
        const target = e.target as Node;
        if (toggleRef.current?.contains(target) || panelRef.current?.contains(target)) return;
        setOpen(false);
      }
      document.addEventListener('pointerdown', onPointerDown);
      return function stop() {
        document.removeEventListener('pointerdown', onPointerDown);
      };
    },
    [open],
  );

  useEffect(
    function closeAfterItsDialog() {
      const panel = panelRef.current;
      if (!panel || !open) return;
      // `close` does not bubble: listen in the capture phase. The dialog has given focus back to
      // its item by now; the item is about to be hidden, so focus goes on to the menu button.
      const onClose = () => {
        setOpen(false);
        toggleRef.current?.focus();
      };
      panel.addEventListener('close', onClose, true);
      return function stop() {
        panel.removeEventListener('close', onClose, true);
      };
    },
    [open],
  );

  function openMenu(focus: 'first' | 'last' | null) {
    setOpen(true);
    if (!focus) return;
    requestAnimationFrame(() => {
      const panel = panelRef.current;
      if (panel)
        moveFocus(panel, { key: focus === 'first' ? 'Home' : 'End', target: null }, 'vertical');
    });
  }

  function onToggleKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(false);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  function onPanelKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const panel = panelRef.current;
    if (!panel || !open || (e.target as Element).closest('dialog')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (moveFocus(panel, e, 'vertical')) e.preventDefault();
  }

  function onPanelClick(e: MouseEvent<HTMLDivElement>) {
    if (
      !open ||
      !(e.target as Element).closest('button') ||
      (e.target as Element).closest('dialog')
    )
      return;
    // Once the item has acted: did it open a dialog? Then the menu waits for it to close.
    requestAnimationFrame(() => {
      if (!panelRef.current?.querySelector('dialog[open]')) close(true);
    });
  }

  return (
    <div
      ref={actionsRef}
      className={`dl-header-actions${folded ? ` ${FOLDED}` : ''}${open && folded ? ' dl-menu-open' : ''}`}
    >
      <button
        ref={toggleRef}
        type="button"
        className="dl-menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onToggleKeyDown}
        data-testid="menu-toggle"
      >
        {t('app.menu')}
      </button>
      {/* The keys and clicks of its buttons, handled once for all of them. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={panelRef}
        id={id}
        className="dl-menu-panel"
        role="group"
        aria-label={t('app.actions')}
        onKeyDown={onPanelKeyDown}
        onClick={onPanelClick}
        data-testid="menu-panel"
      >
        {children}
      </div>
    </div>
  );
}
