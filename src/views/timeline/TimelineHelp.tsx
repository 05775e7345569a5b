// The timeline's help, behind a button beside its toolbar: its gestures and keys (the wheel does
// one thing, zoom; what pans and what scrolls the rows is said here; wheel.ts decides it), and,
// where the timeline is too narrow to show its legend inline, the legend.
import { useTranslation } from 'react-i18next';
import { memo, useCallback, useId, useRef, useState } from 'react';
import { arrowGlyphs, pageDirection } from '../../ui/direction';
import { useDismiss } from '../../ui/useDismiss';
import { TimelineLegend } from './TimelineLegend';

/** Each gesture or key, and what it does: keys of their words under `timeline.help.`. */
const GESTURES: readonly string[] = ['wheel', 'drag', 'rows', 'arrows', 'zoom', 'page', 'upDown'];

/** Drawn again only when its own props or state change, not with every change of the timeline. */
export const TimelineHelp = memo(TimelineHelpView);

function TimelineHelpView({ eras }: { eras: boolean }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation();
  useDismiss(open, close, buttonRef);
  return (
    <div className="dl-timeline-help">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        title={t('timeline.helpTitle')}
      >
        {t('timeline.help.button')}
      </button>
      <div id={id} className="dl-timeline-help-panel" hidden={!open}>
        <TimelineLegend eras={eras} inHelp />
        <dl aria-label={t('timeline.help.label')}>
          {GESTURES.map((key) => (
            <div key={key}>
              <dt>{arrowGlyphs(t(`timeline.help.${key}.how`), pageDirection())}</dt>
              <dd>{t(`timeline.help.${key}.what`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
