// Closing a disclosure's panel (the timeline's Help, the playback's options): while it is open,
// Escape closes it and gives focus back to its button, and, given the element that holds both,
// a press anywhere outside closes it too.
import { useEffect, type RefObject } from 'react';

export function useDismiss(
  open: boolean,
  close: () => void,
  button: RefObject<HTMLElement | null>,
  root?: RefObject<HTMLElement | null>,
): void {
  useEffect(
    function dismissWhileOpen() {
      if (!open) return;
      function onKeyDown(e: KeyboardEvent) {
        if (e.key !== 'Escape') return;
        e.preventDefault(); // the selection stays; only the panel closes
        close();
        button.current?.focus();
      }
      function onPointerDown(e: PointerEvent) {
        if (root && e.target instanceof Node && !root.current?.contains(e.target)) close();
      }
      window.addEventListener('keydown', onKeyDown, { capture: true });
      window.addEventListener('pointerdown', onPointerDown, { capture: true });
      return function stopListening() {
        window.removeEventListener('keydown', onKeyDown, { capture: true });
        window.removeEventListener('pointerdown', onPointerDown, { capture: true });
      };
    },
    [open, close, button, root],
  );
}
