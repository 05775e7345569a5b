// The timeline's "Group by" select (issue 14, swimlanes): none, actor, type, status, claim status,
// place, tag. It writes the store; the adapter draws the lanes and the link carries them.
import { useId } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { GROUP_BYS, GROUP_BY_LABELS, type GroupBy } from '../../model/lanes';

export function LaneSelect() {
  const id = useId();
  const store = useAppStoreApi();
  const groupBy = useAppStore((s) => s.groupBy);
  return (
    <div className="dl-lane-select">
      <label htmlFor={id}>Group by</label>
      <select
        id={id}
        data-testid="timeline-group-by"
        value={groupBy}
        onChange={(e) => store.getState().setGroupBy(e.target.value as GroupBy)}
      >
        {GROUP_BYS.map((g) => (
          <option key={g} value={g}>
            {GROUP_BY_LABELS[g]}
          </option>
        ))}
      </select>
    </div>
  );
}
