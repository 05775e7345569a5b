// The map area facet (issue 14): where the area lies, whether events with no place are kept
// beside the area (an explicit choice; by default they are left out, since an area asks what
// happened there), and a button that clears the area. The area is set on the map
// (views/map/AreaControls.tsx).
import { describeArea } from '../../model/filter/area';
import { useAppStore } from '../../store';

export function AreaFacet() {
  const set = useAppStore((s) => s.setFilters);
  const area = useAppStore((s) => s.filters.area);
  const unplaced = useAppStore((s) => s.filters.areaUnplaced);
  return (
    <fieldset className="dl-facet dl-area-facet" data-testid="facet-area">
      <legend>Map area</legend>
      <p className="dl-note" data-testid="area-description">
        {area
          ? `Only events placed in ${describeArea(area)}.`
          : 'No area: use “Filter to this map view” or “Draw an area” on the map.'}
      </p>
      <label>
        <input
          type="checkbox"
          checked={unplaced}
          onChange={(e) => set({ areaUnplaced: e.target.checked })}
          data-testid="area-unplaced"
        />
        Also show events with no place
      </label>
      {area && (
        <button type="button" onClick={() => set({ area: null })} data-testid="clear-area">
          Clear map area
        </button>
      )}
    </fieldset>
  );
}
