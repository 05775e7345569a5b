// The actor facet: every actor with its count under the other filters, "any of" / "all of",
// whether picking a group includes its members (and which those are), and a role.
import { useTranslation } from 'react-i18next';
import { useId, useMemo, useState } from 'react';
import type { FilterResult } from '../../model/filter/apply';
import { ROLES, type Role } from '../../model/schema';
import { useAppStore } from '../../store';
import { toggle } from '../../store/filtersSlice';
import { formatCount } from '../../model/readerLocale';
import { useDataLang } from '../../i18n/dataLang';

const COLLAPSED_ROWS = 8;

export function ActorFacet({ result }: { result: FilterResult }) {
  const set = useAppStore((s) => s.setFilters);
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const [showAll, setShowAll] = useState(false);
  const { t } = useTranslation();
  const dataLang = useDataLang();
  const id = useId();
  // By name once per dataset, not with localeCompare on every filter change: with hundreds of
  // actors, most of them tied at a count of 0, that sort was a visible part of each change.
  const actors = useMemo(
    () => [...(dataset?.actors.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [dataset],
  );
  const sorted = useMemo(() => {
    const picked = new Set(filters.actors);
    return actors
      .map((actor, rank) => ({
        actor,
        rank,
        picked: picked.has(actor.id) ? 1 : 0,
        n: result.counts.actors.get(actor.id) ?? 0,
      }))
      .sort((a, b) => b.picked - a.picked || b.n - a.n || a.rank - b.rank)
      .map((row) => row.actor);
  }, [actors, filters.actors, result]);
  if (!dataset) return null;
  const shown = showAll ? sorted : sorted.slice(0, Math.max(COLLAPSED_ROWS, filters.actors.length));
  const hasMembers = actors.some((a) => a.memberOf !== undefined);
  const includedMembers = [...result.expanded.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([picked, ids]) => ({
      picked: dataset.actors.get(picked)?.name ?? picked,
      members: ids.slice(1).map((m) => dataset.actors.get(m)?.name ?? m),
    }));

  return (
    <fieldset className="dl-facet dl-actor-facet" data-testid="facet-actors">
      <legend className="dl-sr-only">{t('filters.actors')}</legend>
      <div className="dl-facet-options">
        <span role="radiogroup" aria-label={t('filters.match')}>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={filters.actorMode === 'any'}
              onChange={() => set({ actorMode: 'any' })}
            />
            {t('filters.anyOf')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={filters.actorMode === 'all'}
              onChange={() => set({ actorMode: 'all' })}
            />
            {t('filters.allOf')}
          </label>
        </span>
        <label>
          {t('filters.as')}{' '}
          <select
            value={filters.role ?? ''}
            onChange={(e) => set({ role: e.target.value === '' ? null : (e.target.value as Role) })}
            aria-label={t('filters.role')}
            data-testid="role"
          >
            <option value="">{t('filters.anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`values.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {hasMembers && (
          <label>
            <input
              type="checkbox"
              checked={filters.includeMembers}
              onChange={(e) => set({ includeMembers: e.target.checked })}
              data-testid="include-members"
            />
            {t('filters.includeMembers')}
          </label>
        )}
      </div>
      {includedMembers.length > 0 && (
        <p className="dl-note" data-testid="members-note">
          {includedMembers
            .map((m) =>
              t('filters.includes', {
                group: m.picked,
                members: m.members.join(t('filters.comma')),
              }),
            )
            .join(t('filters.listSeparator'))}
          {t('filters.sentenceEnd')}
        </p>
      )}
      <ul>
        {shown.map((a) => {
          const n = result.counts.actors.get(a.id) ?? 0;
          const checked = filters.actors.includes(a.id);
          return (
            <li key={a.id} className={n === 0 && !checked ? 'dl-facet-empty' : undefined}>
              <input
                id={`${id}-${a.id}`}
                type="checkbox"
                checked={checked}
                value={a.id}
                onChange={() => set({ actors: toggle(filters.actors, a.id) })}
              />
              <label htmlFor={`${id}-${a.id}`}>
                <bdi lang={dataLang}>{a.name}</bdi>{' '}
                <span className="dl-facet-count">{formatCount(n)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {sorted.length > shown.length || showAll ? (
        <button type="button" className="dl-link-button" onClick={() => setShowAll(!showAll)}>
          {showAll
            ? t('filters.showFewer')
            : t('filters.showAllActors', { count: sorted.length, n: formatCount(sorted.length) })}
        </button>
      ) : null}
    </fieldset>
  );
}
