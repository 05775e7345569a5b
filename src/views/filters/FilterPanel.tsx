// The filter panel: search, actors, type, status, claim status and dates, with the count of
// what is shown and one button to clear everything.
import { useTranslation } from 'react-i18next';
import './filters.css';
import { formatIsoDate } from '../../model/dateFormat';
import { isFiltering } from '../../model/filter/types';
import { formatCount } from '../../model/readerLocale';
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
  const { t } = useTranslation();
  if (!result) return null;
  const active = isFiltering(filters);
  const facets = filters.types.length + filters.statuses.length + filters.claims.length;
  return (
    <section className="dl-view dl-filters" aria-labelledby="dl-filters-heading">
      <div className="dl-view-bar">
        <h2 id="dl-filters-heading" className="dl-view-title">
          {t('filters.heading')}
        </h2>
        <span className="dl-note" data-testid="filter-count" aria-live="polite">
          {searching
            ? t('filters.searching')
            : active
              ? t('filters.countOf', {
                  shown: formatCount(shown),
                  count: result.total,
                  n: formatCount(result.total),
                })
              : result.total === 1
                ? t('filters.onlyEvent')
                : t('filters.all', { count: result.total, n: formatCount(result.total) })}
        </span>
        <button
          type="button"
          className="dl-clear"
          onClick={() => active && store.getState().clearFilters()}
          // aria-disabled, not disabled: a disabled button loses focus, and clearing disables it.
          aria-disabled={!active}
          data-testid="clear-filters"
        >
          {t('filters.clear')}
        </button>
      </div>
      <div className="dl-filters-body">
        <SearchBox />
        <Section
          title={
            filters.actors.length
              ? t('filters.actorsPicked', { n: formatCount(filters.actors.length) })
              : t('filters.actors')
          }
          active={filters.actors.length > 0 || filters.role !== null}
        >
          <ActorFacet result={result} />
        </Section>
        <Section
          title={
            facets
              ? t('filters.typeAndStatusPicked', { n: formatCount(facets) })
              : t('filters.typeAndStatus')
          }
          active={facets > 0}
        >
          <CheckFacet
            legend={t('filters.type')}
            label={(v) => t(`values.type.${v}`)}
            testId="facet-types"
            values={EVENT_TYPES}
            picked={filters.types}
            counts={result.counts.types}
            onToggle={(v) => set({ types: toggle(filters.types, v) })}
          />
          <CheckFacet
            legend={t('filters.status')}
            label={(v) => t(`values.status.${v}`)}
            testId="facet-statuses"
            values={EVENT_STATUSES}
            picked={filters.statuses}
            counts={result.counts.statuses}
            onToggle={(v) => set({ statuses: toggle(filters.statuses, v) })}
          />
          <CheckFacet
            legend={t('filters.claim')}
            label={(v) => t(`values.claim.${v}`)}
            testId="facet-claims"
            values={CLAIM_STATUSES}
            picked={filters.claims}
            counts={result.counts.claims}
            onToggle={(v) => set({ claims: toggle(filters.claims, v) })}
          />
        </Section>
        <Section
          title={
            filters.from !== null || filters.to !== null
              ? t('filters.datesPicked', {
                  from: filters.from === null ? t('filters.openEnd') : formatIsoDate(filters.from),
                  to: filters.to === null ? t('filters.openEnd') : formatIsoDate(filters.to),
                })
              : t('filters.dates')
          }
          active={filters.from !== null || filters.to !== null}
        >
          <DateFacet />
        </Section>
        <Section
          title={filters.area ? t('area.sectionOn') : t('area.heading')}
          active={filters.area !== null}
        >
          <AreaFacet />
        </Section>
      </div>
    </section>
  );
}
