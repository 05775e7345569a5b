// The timeline's legend: what its shapes mean, each with a sample drawn as the items are and a
// word, so no meaning rests on colour alone (fill, border, pattern and a glyph differ too). It
// sits in the timeline's header; where the timeline is narrow (timeline.css), in its help
// instead, so the header stays one line above the items.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** Drawn again only when its own props or state change, not with every change of the timeline. */
export const TimelineLegend = memo(TimelineLegendView);

function TimelineLegendView({ eras, inHelp = false }: { eras: boolean; inHelp?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul
      className={`dl-legend${inHelp ? ' dl-legend-in-help' : ''}`}
      aria-label={t('timeline.legendLabel')}
    >
      <li className="dl-legend-item dl-legend-exact">{t('timeline.legend.exact')}</li>
      <li className="dl-legend-item dl-legend-approx" title={t('timeline.legend.approximateTitle')}>
        {t('timeline.legend.approximate')}
      </li>
      <li className="dl-legend-item dl-legend-scheduled">{t('timeline.legend.scheduled')}</li>
      {eras && <li className="dl-legend-item dl-legend-era">{t('timeline.legend.era')}</li>}
    </ul>
  );
}
