// With a query source (issue 15.3) the list holds the events of the timeline's window, not every
// event under the filters: this says which, and, when the window holds more than the service
// lists, how to get them listed. With data held in the page it says nothing.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useAppStore } from '../../store';

export function RemoteListNote() {
  const held = useAppStore((s) => (s.remote ? s.remote.result.visible.length : null));
  const shown = useAppStore((s) => s.remote?.shown ?? 0);
  const inWindow = useAppStore((s) => s.remote?.density?.total ?? null);
  const { t } = useTranslation();
  if (held === null) return null;
  if (inWindow !== null)
    return (
      <p className="dl-empty" role="status" data-testid="remote-list-note">
        {t('remote.tooMany', { count: inWindow, n: formatCount(inWindow, true) })}
      </p>
    );
  if (held >= shown) return null;
  return (
    <p className="dl-note dl-remote-list-note" role="status" data-testid="remote-list-note">
      {t('remote.partial', {
        count: held,
        n: formatCount(held, true),
        shown: formatCount(shown, true),
      })}
    </p>
  );
}
