// The timeline's help, behind a button beside its toolbar: its gestures and keys (the wheel does
// one thing, zoom; what pans and what scrolls the rows is said here; wheel.ts decides it), and,
// where the timeline is too narrow to show its legend inline, the legend.
import { useEffect, useId, useRef, useState } from 'react';
import { arrowGlyphs, pageDirection } from '../../ui/direction';
import { TimelineLegend } from './TimelineLegend';

const GESTURES: ReadonlyArray<[string, string]> = [
  ['Wheel, pinch', 'zoom in or out around the pointer'],
  ['Drag, Shift + wheel, sideways swipe', 'move through time'],
  ['Alt + wheel, the rows’ scroll bar, “N more”', 'scroll the rows of events'],
  ['← →', 'previous / next event'],
  ['+ −, 0', 'zoom; fit all events'],
  ['Page Up / Page Down', 'move through time'],
  ['↑ ↓', 'scroll the rows of events'],
];

export function TimelineHelp({ eras }: { eras: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(
    function closeOnEscape() {
      if (!open) return;
      function onKeyDown(e: KeyboardEvent) {
        if (e.key !== 'Escape') return;
        e.preventDefault(); // the selection stays; only the help closes
        setOpen(false);
        buttonRef.current?.focus();
      }
      window.addEventListener('keydown', onKeyDown, { capture: true });
      return function stopListening() {
        window.removeEventListener('keydown', onKeyDown, { capture: true });
      };
    },
    [open],
  );
  return (
    <div className="dl-timeline-help">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        title="The timeline's legend, gestures and keys"
      >
        Help
      </button>
      <div id={id} className="dl-timeline-help-panel" hidden={!open}>
        <TimelineLegend eras={eras} inHelp />
        <dl aria-label="Gestures and keys">
          {GESTURES.map(([how, what]) => (
            <div key={how}>
              <dt>{arrowGlyphs(how, pageDirection())}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
