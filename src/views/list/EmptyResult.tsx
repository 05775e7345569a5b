// What the list says when the filters leave nothing: that, and a way out.
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../../store';

export function EmptyResult() {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  return (
    <div className="dl-empty" role="status" data-testid="empty-result">
      <p>{t('list.empty')}</p>
      <button
        type="button"
        onClick={() => {
          store.getState().clearFilters();
          // This button goes with the empty result: focus the list it fills.
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>('.dl-list [role=listbox]')?.focus(),
          );
        }}
      >
        {t('filters.clear')}
      </button>
    </div>
  );
}
