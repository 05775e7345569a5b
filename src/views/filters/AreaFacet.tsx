// The map area facet (issue 14): where the area lies, whether events with no place are kept
// beside the area (an explicit choice; by default they are left out, since an area asks what
// happened there), and a button that clears the area. The area is set on the map
// (views/map/AreaControls.tsx).
import { useTranslation } from 'react-i18next';
import { areaEdges, type GeoArea } from '../../model/filter/area';
import { readerLocale } from '../../model/readerLocale';
import { useAppStore } from '../../store';

/** "31.2°N–31.6°N, 34.2°E–34.6°E", in the reader's language and digits. */
function useAreaWords(): (area: GeoArea) => string {
  const { t } = useTranslation();
  return (area) => {
    const number = new Intl.NumberFormat(readerLocale(), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const edges = areaEdges(area);
    const say = (k: keyof GeoArea) =>
      t(`area.${edges[k].side}`, { deg: number.format(edges[k].deg) });
    return t('area.box', {
      south: say('south'),
      north: say('north'),
      west: say('west'),
      east: say('east'),
    });
  };
}

export function AreaFacet() {
  const { t } = useTranslation();
  const words = useAreaWords();
  const set = useAppStore((s) => s.setFilters);
  const area = useAppStore((s) => s.filters.area);
  const unplaced = useAppStore((s) => s.filters.areaUnplaced);
  return (
    <fieldset className="dl-facet dl-area-facet" data-testid="facet-area">
      <legend>{t('area.section')}</legend>
      <p className="dl-note" data-testid="area-description">
        {area ? t('area.only', { area: words(area) }) : t('area.none')}
      </p>
      <label>
        <input
          type="checkbox"
          checked={unplaced}
          // The choice is about an area: without one every event is shown, placed or not.
          disabled={!area}
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
