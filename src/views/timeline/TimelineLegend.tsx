// The timeline's legend: what its shapes mean, each with a sample drawn as the items are and a
// word, so no meaning rests on colour alone (fill, border, pattern and a glyph differ too). It
// sits in the timeline's header; where the timeline is narrow (timeline.css), in its help
// instead, so the header stays one line above the items.
export function TimelineLegend({ eras, inHelp = false }: { eras: boolean; inHelp?: boolean }) {
  return (
    <ul className={`dl-legend${inHelp ? ' dl-legend-in-help' : ''}`} aria-label="Timeline legend">
      <li className="dl-legend-item dl-legend-exact">exact date</li>
      <li className="dl-legend-item dl-legend-approx" title="The bar under it: when it may be">
        ≈ approximate
      </li>
      <li className="dl-legend-item dl-legend-scheduled">◷ scheduled / expected</li>
      {eras && <li className="dl-legend-item dl-legend-era">era</li>}
    </ul>
  );
}
