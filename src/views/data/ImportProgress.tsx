// The progress of a load in a worker, with a way to cancel it. The page stays usable meanwhile.
// When nothing moves for a while (a worker that died, a server that never answers), it says so
// and offers to start the load again.
import type { Importing } from '../../store/datasetSlice';
import { useAppStore } from '../../store';
import { STALL_MS } from '../../data/openData';
import { megabytes as mb } from '../../data/megabytes';

const rows = (n: number) => n.toLocaleString('en-US');

export function progressText(p: Importing): string {
  switch (p.phase) {
    case 'download':
      return p.total > 0
        ? `Downloading: ${mb(p.done)} of ${mb(p.total)}`
        : `Downloading: ${mb(p.done)}`;
    case 'read':
      return p.total > 0 ? `Reading ${mb(p.total)}` : 'Reading';
    case 'parse':
      return `Reading rows: ${rows(p.done)} of ${rows(p.total)}`;
    case 'receive':
      return `Preparing events for the views: ${rows(p.done)} of ${rows(p.total)}`;
    case 'geocoder':
      return 'Loading the offline place-name index to place rows without coordinates';
  }
}

export function ImportProgress() {
  const importing = useAppStore((s) => s.importing);
  if (!importing) return null;
  const determinate = importing.total > 0 && importing.phase !== 'geocoder';
  return (
    <div
      className="dl-import"
      role="region"
      aria-label="Loading data"
      data-testid="import-progress"
    >
      <p>
        Opening <strong>{importing.label}</strong>: <span>{progressText(importing)}</span>
      </p>
      <progress
        aria-label={`Loading ${importing.label}`}
        {...(determinate && { max: importing.total, value: importing.done })}
      />
      {importing.stalled && (
        <p className="dl-import-stalled" role="alert">
          Nothing has moved for {Math.round(STALL_MS / 1000)} seconds. A very large file can take
          this long in one step; if nothing changes, the load has probably stopped.
        </p>
      )}
      {importing.stalled && (
        <button type="button" onClick={importing.stalled.retry}>
          Retry
        </button>
      )}
      <button type="button" onClick={importing.cancel}>
        Cancel
      </button>
    </div>
  );
}
