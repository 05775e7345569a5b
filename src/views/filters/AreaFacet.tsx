// The map area facet (issue 14): where the area lies, whether events with no place are kept
// beside the area (an explicit choice; by default they are left out, since an area asks what
// happened there), and a button that clears the area. The area is set on the map
// (views/map/AreaControls.tsx).
import { useTranslation } from 'react-i18next';
import { describeArea } from '../../model/filter/area';
import { useAppStore } from '../../store';

export function AreaFacet() {
  const set = useAppStore((s) => s.setFilters);
  const area = useAppStore((s) => s.filters.area);
  const unplaced = useAppStore((s) => s.filters.areaUnplaced);
  const { t } = useTranslation();
  return (
    <fieldset className="dl-facet dl-area-facet" data-testid="facet-area">
      <legend>{t('area.heading')}</legend>
      <p className="dl-note" data-testid="area-description">
        {area ? t('area.only', { area: describeArea(area) }) : t('area.none')}
      </p>
      <label>
        <input
          type="checkbox"
          checked={unplaced}
          onChange={(e) => set({ areaUnplaced: e.target.checked })}
          data-testid="area-unplaced"
        />
        {t('area.unplaced')}
      </label>
      {area && (
        <button type="button" onClick={() => set({ area: null })} data-testid="clear-area">
          {t('area.clear')}
        </button>
      )}
    </fieldset>
  );
}
