// "Keyboard shortcuts": the dialog that `?` (and the header's button) opens, listing every
// shortcut from shortcuts.ts. A native modal <dialog>: Esc closes it and focus returns to where
// it was.
import { useTranslation } from 'react-i18next';
import { useId, type Ref } from 'react';
import { arrowGlyphs, pageDirection } from './direction';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <dialog
      ref={ref}
      className="dl-dialog dl-shortcuts"
      aria-labelledby={`${id}-title`}
      data-testid="shortcuts-dialog"
    >
      <h2 id={`${id}-title`}>{t('shortcuts.title')}</h2>
      <p className="dl-note">{t('shortcuts.note')}</p>
      <dl className="dl-shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.does} className="dl-shortcut">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' '}
                  <kbd>{arrowGlyphs(k, pageDirection())}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.${s.does}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="dl-dialog-actions">
        <button type="submit">{t('shortcuts.close')}</button>
      </form>
    </dialog>
  );
}
