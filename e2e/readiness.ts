// How long a wait on one of the app's own readiness signals may take. Such a wait ends the moment
// the app says it is ready (the header's count, the timeline's `data-drawing`, the map's
// `data-basemap`, a search's result in the counts), so a generous limit costs a passing run
// nothing; it only has to hold on a machine that is busy with other work. Waits on anything
// else keep the config's short default, so a real failure is still reported quickly.
export const READY: { readonly timeout: number } = { timeout: 90_000 };
