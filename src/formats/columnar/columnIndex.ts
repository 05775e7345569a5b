// The filters' index (../../model/filter/eventIndex.ts) filled from the column path's columns
// (./columnImport.ts), rows in the events' order, with no event object.
import type { ResolvedPlace } from '../../model/dataset';
import { postingsOf, type EventIndexColumns } from '../../model/filter/eventIndex';
import type { TimeRead } from './columnCells';

/** The filters' index (filter/eventIndex.ts) from the columns, rows in `order`. */
export function indexInOrder(
  order: Uint32Array,
  c: {
    timeNo: Uint32Array;
    times: readonly TimeRead[];
    typeCodes: Uint8Array;
    statusCodes: Uint8Array;
    claimCodes: Uint8Array;
    placeKeyNo: Int32Array;
    placeKeys: readonly string[];
    places: ReadonlyMap<string, ResolvedPlace>;
    linkStart: Uint32Array;
    linkActor: Uint32Array;
    linkRole: Uint8Array;
    actorIds: string[];
  },
): EventIndexColumns {
  const n = order.length;
  const earliest = new Float64Array(n);
  const latest = new Float64Array(n);
  const type = new Uint8Array(n);
  const status = new Uint8Array(n);
  const claim = new Uint8Array(n);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const keyLat = c.placeKeys.map((k) => c.places.get(k)!.lat);
  const keyLon = c.placeKeys.map((k) => c.places.get(k)!.lon);
  const linkStart = new Uint32Array(n + 1);
  const linkActor = new Uint32Array(c.linkActor.length);
  const linkRole = new Uint8Array(c.linkRole.length);
  let l = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    const time = c.times[c.timeNo[row]!]!;
    earliest[i] = time.earliest;
    latest[i] = time.latest;
    type[i] = c.typeCodes[row]!;
    status[i] = c.statusCodes[row]!;
    claim[i] = c.claimCodes[row]!;
    const key = c.placeKeyNo[row]!;
    if (key >= 0) {
      lat[i] = keyLat[key]!;
      lon[i] = keyLon[key]!;
    }
    linkStart[i] = l;
    for (let k = c.linkStart[row]!; k < c.linkStart[row + 1]!; k++) {
      linkActor[l] = c.linkActor[k]!;
      linkRole[l++] = c.linkRole[k]!;
    }
  }
  linkStart[n] = l;
  const actors = c.actorIds.length;
  return {
    n,
    earliest,
    latest,
    type,
    status,
    claim,
    lat,
    lon,
    linkStart,
    linkActor,
    linkRole,
    actorIds: c.actorIds,
    parent: new Int32Array(actors).fill(-1),
    postings: postingsOf(n, linkStart, linkActor, actors),
  };
}
