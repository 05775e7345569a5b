// The map's legend: what a marker's fill and border, its halo, its number and its badges mean,
// each with a sample drawn with the markers' own classes. A disclosure in the map's corner,
// closed at first so it hides no marker (on a phone above all), a button the keyboard reaches;
// opened once, it stays open on the next visit (this browser remembers the choice).
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import { useId, useState } from 'react';

const REMEMBER_KEY = 'dateline:map-legend-open';

function remembered(): boolean {
  try {
    return localStorage.getItem(REMEMBER_KEY) === '1';
  } catch {
    return false; // storage blocked: closed, as at first
  }
}

function remember(open: boolean): void {
  try {
    if (open) localStorage.setItem(REMEMBER_KEY, '1');
    else localStorage.removeItem(REMEMBER_KEY);
  } catch {
    // storage blocked: the choice lasts this visit only
  }
}

/** Each sample and the key of its words under `map.legend.`. */
const ENTRIES: ReadonlyArray<{ sample: string; text: string }> = [
  { sample: 'dl-marker dl-precision-exact', text: 'exact' },
  { sample: 'dl-marker dl-precision-city', text: 'city' },
  { sample: 'dl-marker dl-precision-region', text: 'region' },
  { sample: 'dl-legend-halo', text: 'halo' },
  { sample: 'dl-cluster', text: 'cluster' },
  { sample: 'dl-marker dl-precision-city dl-time-approx', text: 'approximate' },
  { sample: 'dl-marker dl-precision-city dl-time-future', text: 'future' },
  { sample: 'dl-marker dl-selected', text: 'selected' },
];

export function MapLegend() {
  const [open, setOpen] = useState(remembered);
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="dl-map-legend" data-testid="map-legend">
      <button
        type="button"
        className="dl-map-legend-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          remember(!open);
          setOpen(!open);
        }}
      >
        {open ? t('map.hideLegend') : t('map.showLegend')}
      </button>
      <ul id={id} className="dl-map-legend-list" aria-label={t('map.legendLabel')} hidden={!open}>
        {ENTRIES.map(({ sample, text }) => (
          <li key={text}>
            <span className={`dl-map-legend-sample ${sample}`} aria-hidden="true">
              {sample === 'dl-cluster' ? formatCount(12) : ''}
            </span>
            {t(`map.legend.${text}`)}
          </li>
        ))}
        <li>
          <span className="dl-map-legend-sample dl-marker dl-precision-city" aria-hidden="true">
            {formatCount(3)}
          </span>
          {t('map.legend.atOnePlace')}
        </li>
      </ul>
    </div>
  );
}
