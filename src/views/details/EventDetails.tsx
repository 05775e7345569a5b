// Everything known about one event: what, when (as the source says it and as resolved), where,
// who, who claims it, and the source's own words in context. A long title or summary is held to
// a few lines ("Show more"), so the facts below them stay in reach; the search's words are
// marked wherever they matched.
import { Fragment } from 'react';
import type { Dataset, DatelineEvent } from '../../model/dataset';
import { claimantName, claimVerb, memberChain, resolvedTime } from '../../model/describe';
import { Highlighted, useSearchTerms } from '../../ui/Highlighted';
import { characters, cutText, INDEXED_CHARS, SHOWN_CHARS } from '../../model/longText';
import { Clamped } from './Clamped';
import { ExtraFields } from './ExtraFields';
import { MediaList } from './MediaList';
import { QuoteInContext } from './QuoteInContext';
import { SafeHtml } from './SafeHtml';

interface Props {
  event: DatelineEvent;
  dataset: Dataset;
}

export function EventDetails({ event: e, dataset: d }: Props) {
  const place = e.placeKey === null ? null : d.places.get(e.placeKey);
  const terms = useSearchTerms();
  return (
    <article className="dl-event" aria-labelledby="dl-event-title" data-event-id={e.id}>
      <p className="dl-event-kicker">
        <span className={`dl-badge dl-type-${e.type}`}>{e.type}</span>
        {e.status !== 'occurred' && (
          <span className={`dl-badge dl-status-${e.status}`}>{e.status}</span>
        )}
        <span className={`dl-badge dl-claim-${e.claim.status}`} data-testid="claim">
          {claimVerb(e)} <bdi>{claimantName(e, d)}</bdi>
        </span>
      </p>
      <Clamped
        key={`title-${e.id}`}
        as="h2"
        id="dl-event-title"
        className="dl-event-title"
        tabIndex={-1}
        what="title"
      >
        <Highlighted text={e.title} terms={terms} />
      </Clamped>
      {e.summaryHtml && e.summaryHtml.length <= SHOWN_CHARS ? (
        <Clamped
          key={`summary-${e.id}`}
          as="div"
          className="dl-event-summary dl-clamp-blocks"
          what="summary"
        >
          <SafeHtml html={e.summaryHtml} testId="summary-html" />
        </Clamped>
      ) : (
        e.summary && (
          <Clamped
            key={`summary-${e.id}`}
            as="p"
            className="dl-event-summary"
            what="summary"
            testId="summary"
          >
            <Highlighted text={cutText(e.summary, SHOWN_CHARS)} terms={terms} />
          </Clamped>
        )
      )}
      {(e.summary.length > SHOWN_CHARS || (e.summaryHtml?.length ?? 0) > SHOWN_CHARS) && (
        <p className="dl-note" data-testid="summary-cut">
          This summary is {characters(Math.max(e.summary.length, e.summaryHtml?.length ?? 0))} long:
          the page shows its first {characters(SHOWN_CHARS)} as text, and search reads its first{' '}
          {characters(INDEXED_CHARS)}. The whole text is kept in the data and in exports.
        </p>
      )}

      <dl className="dl-facts">
        <dt>When</dt>
        <dd data-testid="when">
          {e.time.text && (
            <span className="dl-said" dir="auto">
              {e.time.text}
            </span>
          )}
          <span className="dl-resolved">
            {e.time.approximate ? 'approximately ' : ''}
            {resolvedTime(e)}
          </span>
          {e.time.approximate && (
            <span className="dl-note">approximate: the source does not state this exactly</span>
          )}
        </dd>
        <dt>Where</dt>
        <dd data-testid="where">
          {place ? (
            <>
              <span dir="auto">
                <Highlighted text={place.name} terms={terms} />
              </span>{' '}
              <span className="dl-note">
                ({place.precision === 'exact' ? 'exact location' : `${place.precision} precision`})
              </span>
              {place.note && <span className="dl-note"> {place.note}</span>}
              {place.geocoded && (
                <span className="dl-note" data-testid="geocoded">
                  {' '}
                  Placed by Dateline from the name “<bdi>{place.geocoded.query}</bdi>” (matched{' '}
                  <bdi>{place.geocoded.matched}</bdi>); the file gave no coordinates.
                </span>
              )}
            </>
          ) : (
            <span className="dl-note">The source gives no place.</span>
          )}
        </dd>
        {e.actors.length > 0 && (
          <>
            <dt>Who</dt>
            <dd>
              <ul className="dl-actors">
                {e.actors.map(({ actor: id, role }) => {
                  const actor = d.actors.get(id);
                  const chain = actor ? memberChain(actor, d) : [];
                  return (
                    <li key={`${id}-${role}`}>
                      <span className="dl-actor-name" dir="auto">
                        <Highlighted text={actor?.name ?? id} terms={terms} />
                      </span>{' '}
                      <span className="dl-role">{role}</span>
                      {chain.length > 0 && (
                        <span className="dl-note">
                          {' '}
                          of{' '}
                          {chain.map((a, i) => (
                            <Fragment key={a.id}>
                              {i > 0 && ', '}
                              <bdi>{a.name}</bdi>
                            </Fragment>
                          ))}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
        {e.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd className="dl-tags">
              {e.tags.map((tag, i) => (
                <Fragment key={tag}>
                  {i > 0 && ' · '}
                  <bdi>{tag}</bdi>
                </Fragment>
              ))}
            </dd>
          </>
        )}
      </dl>

      {e.evidence.length > 0 && (
        <section className="dl-evidence" aria-label="Evidence">
          <h3>In the source’s words</h3>
          {e.evidence.map((ev, i) => (
            <QuoteInContext
              key={`${e.id}-${ev.source}-${ev.start}-${i}`}
              evidence={ev}
              source={d.sources.get(ev.source)}
              terms={terms}
            />
          ))}
        </section>
      )}
      {e.media && <MediaList media={e.media} />}
      {e.extra && <ExtraFields extra={e.extra} html={e.extraHtml} />}
    </article>
  );
}
