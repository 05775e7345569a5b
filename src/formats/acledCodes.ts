// ACLED's codes, in every schema ACLED has published: actor types (inter1/inter2, as numbers or,
// since 2024, as words), event types (today's and the older "Battle-No change of territory" and
// "Remote violence"), and geo_precision. Also how one actor's kind is decided from every row.
import type { ActorKind, EventType } from '../model/schema';
import type { PlacePrecision } from './place';

/** An actor type, or `external`: "External/Other forces" says where a force acts, not what it is. */
type Vote = ActorKind | 'external';

const INTER_VOTES: Record<string, Vote> = {
  '1': 'state',
  'state forces': 'state',
  '2': 'armed-group',
  'rebel group': 'armed-group',
  'rebel groups': 'armed-group',
  '3': 'armed-group',
  'political militia': 'armed-group',
  'political militias': 'armed-group',
  '4': 'armed-group',
  'identity militia': 'armed-group',
  'identity militias': 'armed-group',
  'ethnic militia': 'armed-group',
  'ethnic militias': 'armed-group',
  'communal militia': 'armed-group',
  'communal militias': 'armed-group',
  '5': 'people',
  rioters: 'people',
  '6': 'people',
  protesters: 'people',
  '7': 'people',
  civilians: 'people',
  '8': 'external',
  'external/other forces': 'external',
  'other forces': 'external',
};

function vote(inter: string): Vote | undefined {
  return INTER_VOTES[inter.trim().toLowerCase()];
}

/** One row's actor type → a Dateline kind (external/other forces → organisation). */
export function actorKind(inter: string): ActorKind {
  const v = vote(inter);
  return v === undefined || v === 'external' ? 'organisation' : v;
}

export const isCivilian = (inter: string) =>
  ['7', 'civilians'].includes(inter.trim().toLowerCase());

/** Kinds in the order a tie is broken. */
const TIE_ORDER: readonly Vote[] = ['state', 'armed-group', 'people', 'organisation', 'external'];

/**
 * Every code each actor is given, row by row, and the kind it gets from them: the most frequent
 * code among the rows where it is actor1 or actor2 (an associated actor's own type is not coded,
 * so its side's code counts only when it is never a main actor). "External/Other forces" counts
 * only for an actor never coded otherwise: a national army fighting abroad is coded 8 there and
 * 1 at home, and it is a state force.
 */
export class ActorKinds {
  private readonly main = new Map<string, Map<Vote, number>>();
  private readonly associated = new Map<string, Map<Vote, number>>();
  /** Each name's kind once decided: asked for on every row that names it. */
  private readonly decided = new Map<string, ActorKind>();

  add(name: string, inter: string, role: 'main' | 'associated'): void {
    const v = vote(inter);
    if (!name || v === undefined) return;
    const byName = role === 'main' ? this.main : this.associated;
    let votes = byName.get(name);
    if (!votes) byName.set(name, (votes = new Map()));
    votes.set(v, (votes.get(v) ?? 0) + 1);
    this.decided.delete(name);
  }

  kind(name: string): ActorKind {
    let kind = this.decided.get(name);
    if (kind === undefined) {
      kind = this.decide(name);
      this.decided.set(name, kind);
    }
    return kind;
  }

  private decide(name: string): ActorKind {
    const votes = this.main.get(name) ?? this.associated.get(name);
    if (!votes) return 'organisation';
    let best: Vote | undefined;
    for (const v of TIE_ORDER) {
      const n = votes.get(v) ?? 0;
      if (n === 0 || (v === 'external' && best !== undefined)) continue;
      if (best === undefined || n > votes.get(best)!) best = v;
    }
    return best === undefined || best === 'external' ? 'organisation' : best;
  }
}

const MILITARY = new Set([
  'battles',
  'battle',
  'explosions/remote violence',
  'remote violence',
  'violence against civilians',
]);

/** ACLED's event_type / sub_event_type → a Dateline type (the ACLED values stay in extra). */
export function eventType(type: string, subType: string): EventType {
  if (subType.trim().toLowerCase() === 'agreement') return 'agreement';
  const t = type.trim().toLowerCase();
  // Before 2019: "Battle-No change of territory", "Battle-Government regains territory"…
  if (MILITARY.has(t) || t.startsWith('battle-')) return 'military';
  return 'other';
}

/** Whether an event's type says its second actor was attacked rather than fighting. */
export const isViolenceAgainstCivilians = (type: string) =>
  type.trim().toLowerCase() === 'violence against civilians';

/** "Battle-No change of territory" → "Battle, no change of territory", for a title. */
export function readableType(type: string): string {
  const m = /^(Battles?)\s*-\s*(.+)$/i.exec(type.trim());
  return m ? `${m[1]}, ${m[2]!.charAt(0).toLowerCase()}${m[2]!.slice(1)}` : type.trim();
}

/** geo_precision → place precision: 1 the town itself, 2 near it, 3 the region around. */
export const GEO_PRECISIONS: Record<string, PlacePrecision> = {
  '1': 'city',
  '2': 'area',
  '3': 'region',
};
