// The timeline's "Group by" select (issue 14, swimlanes): none, actor, type, status, claim status,
// place, tag. It writes the store; the adapter draws the lanes and the link carries them.
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../store';
import { GROUP_BYS, type GroupBy } from '../../model/lanes';

/** Drawn again only when its own props or state change, not with every change of the timeline. */
export const LaneSelect = memo(LaneSelectView);

function LaneSelectView() {
  const id = useId();
  const store = useAppStoreApi();
  const groupBy = useAppStore((s) => s.groupBy);
  const { t } = useTranslation();
  return (
    <div className="dl-lane-select">
      <label htmlFor={id}>{t('lanes.groupBy')}</label>
      <select
        id={id}
        data-testid="timeline-group-by"
        value={groupBy}
        onChange={(e) => store.getState().setGroupBy(e.target.value as GroupBy)}
      >
        {GROUP_BYS.map((g) => (
          <option key={g} value={g}>
            {t(`lanes.by.${g}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
