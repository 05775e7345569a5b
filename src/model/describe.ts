// Words for people: how an event's time, claim and actors read in the details panel and lists.
import type { Dataset, DatelineEvent } from './dataset';
import type { Actor } from './schema';
import { formatSpan, type Locale } from './dateFormat';

/** When the event happened, at its precision, as the reader's locale (or `locale`) writes it. */
export function resolvedTime(e: DatelineEvent, locale?: Locale): string {
  return formatSpan(e.startDate, e.endDate, e.time.precision, locale);
}

const CLAIM_VERBS: Record<DatelineEvent['claim']['status'], string> = {
  claimed: 'Claimed by',
  reported: 'Reported by',
  confirmed: 'Confirmed by',
  disputed: 'Disputed; claimed by',
};

/** The name of whoever stands behind a claim: an actor's name, or a source's publisher. */
export function claimantName(e: DatelineEvent, d: Dataset): string {
  const actor = d.actors.get(e.claim.by);
  if (actor) return actor.name;
  const source = d.sources.get(e.claim.by);
  return source ? source.publisher : e.claim.by;
}

/** "Reported by", "Claimed by"…: the words before the claimant's name. */
export function claimVerb(e: DatelineEvent): string {
  return CLAIM_VERBS[e.claim.status];
}

export function claimLine(e: DatelineEvent, d: Dataset): string {
  return `${CLAIM_VERBS[e.claim.status]} ${claimantName(e, d)}`;
}

/** "Benjamin Netanyahu → Government of Israel → Israel": an actor and what it belongs to. */
export function memberChain(actor: Actor, d: Dataset): Actor[] {
  const chain: Actor[] = [];
  const seen = new Set<string>();
  let up = actor.memberOf === undefined ? undefined : d.actors.get(actor.memberOf);
  while (up && !seen.has(up.id)) {
    seen.add(up.id);
    chain.push(up);
    up = up.memberOf === undefined ? undefined : d.actors.get(up.memberOf);
  }
  return chain;
}

export const STATUS_LABELS: Record<DatelineEvent['status'], string> = {
  occurred: 'occurred',
  scheduled: 'scheduled',
  expected: 'expected',
};
