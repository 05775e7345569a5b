// The filter panel: search, actors, type, status, claim status and dates, with the count of
// what is shown and one button to clear everything.
import './filters.css';
import { formatIsoDate } from '../../model/dateFormat';
import { isFiltering } from '../../model/filter/types';
import { plural } from '../../model/plural';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES } from '../../model/schema';
import { useAppStore, useAppStoreApi } from '../../store';
import { toggle } from '../../store/filtersSlice';
import { selectFilterResult, selectShownCount } from '../../store/selectors';
import { ActorFacet } from './ActorFacet';
import { AreaFacet } from './AreaFacet';
import { CheckFacet } from './CheckFacet';
import { DateFacet } from './DateFacet';
import { SearchBox } from './SearchBox';
import { Section } from './Section';
import { useSearching } from './useSearching';

export function FilterPanel() {
  const store = useAppStoreApi();
  const set = useAppStore((s) => s.setFilters);
  const result = useAppStore(selectFilterResult);
  const shown = useAppStore(selectShownCount);
  const filters = useAppStore((s) => s.filters);
  const searching = useSearching();
  if (!result) return null;
  const active = isFiltering(filters);
  const facets = filters.types.length + filters.statuses.length + filters.claims.length;
  return (
    <section className="dl-view dl-filters" aria-labelledby="dl-filters-heading">
      <div className="dl-view-bar">
        <h2 id="dl-filters-heading" className="dl-view-title">
          Filters
        </h2>
        <span className="dl-note" data-testid="filter-count" aria-live="polite">
          {searching
            ? 'Searching…'
            : active
              ? `${shown} of ${plural(result.total, 'event')}`
              : result.total === 1
                ? 'the only event'
                : `all ${plural(result.total, 'event')}`}
        </span>
        <button
          type="button"
          className="dl-clear"
          onClick={() => active && store.getState().clearFilters()}
          // aria-disabled, not disabled: a disabled button loses focus, and clearing disables it.
          aria-disabled={!active}
          data-testid="clear-filters"
        >
          Clear filters
        </button>
      </div>
      <div className="dl-filters-body">
        <SearchBox />
        <Section
          title={`Actors${filters.actors.length ? ` (${filters.actors.length})` : ''}`}
          active={filters.actors.length > 0 || filters.role !== null}
        >
          <ActorFacet result={result} />
        </Section>
        <Section title={`Type and status${facets ? ` (${facets})` : ''}`} active={facets > 0}>
          <CheckFacet
            legend="Type"
            testId="facet-types"
            values={EVENT_TYPES}
            picked={filters.types}
            counts={result.counts.types}
            onToggle={(v) => set({ types: toggle(filters.types, v) })}
          />
          <CheckFacet
            legend="Status"
            testId="facet-statuses"
            values={EVENT_STATUSES}
            picked={filters.statuses}
            counts={result.counts.statuses}
            onToggle={(v) => set({ statuses: toggle(filters.statuses, v) })}
          />
          <CheckFacet
            legend="Claim"
            testId="facet-claims"
            values={CLAIM_STATUSES}
            picked={filters.claims}
            counts={result.counts.claims}
            onToggle={(v) => set({ claims: toggle(filters.claims, v) })}
          />
        </Section>
        <Section
          title={`Dates${filters.from !== null || filters.to !== null ? ` (${filters.from === null ? '…' : formatIsoDate(filters.from)} – ${filters.to === null ? '…' : formatIsoDate(filters.to)})` : ''}`}
          active={filters.from !== null || filters.to !== null}
        >
          <DateFacet />
        </Section>
        <Section title={`Map area${filters.area ? ' (on)' : ''}`} active={filters.area !== null}>
          <AreaFacet />
        </Section>
      </div>
    </section>
  );
}
