// The outlines a page carries inside it: none in the app, which fetches them (basemap.ts). The
// standalone page's build (scripts/standalone.ts) gives this module the world-atlas 50m outlines
// instead, so the map has land with no file to fetch.
import type { GeometryCollection, Topology } from 'topojson-specification';

export const EMBEDDED_OUTLINES: Topology<{ countries: GeometryCollection }> | null = null;
