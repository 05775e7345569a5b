// Everything known about one event: what, when (as the source says it and as resolved), where,
// who, who claims it, and the source's own words in context. A long title or summary is held to
// a few lines ("Show more"), so the facts below them stay in reach; the search's words are
// marked wherever they matched.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset, DatelineEvent } from '../../model/dataset';
import { claimantName, memberChain, resolvedTime } from '../../model/describe';
import { useDataLang } from '../../i18n/dataLang';
import { Isolated } from '../../i18n/Isolated';
import { Highlighted, useSearchTerms } from '../../ui/Highlighted';
import {
  cutText,
  INDEXED_CHARS,
  SHOWN_CHARS,
  SHOWN_TITLE_CHARS,
  shownTitle,
} from '../../model/longText';
import { formatCount } from '../../model/readerLocale';
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
  const { t } = useTranslation();
  const lang = useDataLang();
  return (
    <article className="dl-event" aria-labelledby="dl-event-title" data-event-id={e.id}>
      <p className="dl-event-kicker">
        <span className={`dl-badge dl-type-${e.type}`}>{t(`values.type.${e.type}`)}</span>
        {e.status !== 'occurred' && (
          <span className={`dl-badge dl-status-${e.status}`}>{t(`values.status.${e.status}`)}</span>
        )}
        <span className={`dl-badge dl-claim-${e.claim.status}`} data-testid="claim">
          <Isolated
            k={`details.claimBy.${e.claim.status}`}
            values={{ name: claimantName(e, d) }}
            isolate={['name']}
          />
        </span>
      </p>
      <Clamped
        key={`title-${e.id}`}
        as="h2"
        id="dl-event-title"
        className="dl-event-title"
        tabIndex={-1}
        what="title"
        lang={lang}
      >
        <Highlighted text={shownTitle(e.title)} terms={terms} />
      </Clamped>
      {e.title.length > SHOWN_TITLE_CHARS && (
        <p className="dl-note" data-testid="title-cut">
          {t('details.titleCut', {
            length: formatCount(e.title.length, true),
            shown: formatCount(SHOWN_TITLE_CHARS, true),
            searched: formatCount(INDEXED_CHARS, true),
          })}
        </p>
      )}
      {e.summaryHtml && e.summaryHtml.length <= SHOWN_CHARS ? (
        <Clamped
          key={`summary-${e.id}`}
          as="div"
          className="dl-event-summary dl-clamp-blocks"
          what="summary"
          lang={lang}
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
            lang={lang}
            testId="summary"
          >
            <Highlighted text={cutText(e.summary, SHOWN_CHARS)} terms={terms} />
          </Clamped>
        )
      )}
      {(e.summary.length > SHOWN_CHARS || (e.summaryHtml?.length ?? 0) > SHOWN_CHARS) && (
        <p className="dl-note" data-testid="summary-cut">
          {t('details.summaryCut', {
            length: formatCount(Math.max(e.summary.length, e.summaryHtml?.length ?? 0), true),
            shown: formatCount(SHOWN_CHARS, true),
            searched: formatCount(INDEXED_CHARS, true),
          })}
        </p>
      )}

      <dl className="dl-facts">
        <dt>{t('details.when')}</dt>
        <dd data-testid="when">
          {e.time.text && (
            <span className="dl-said" lang={lang} dir="auto">
              {e.time.text}
            </span>
          )}
          <span className="dl-resolved">
            {e.time.approximate
              ? t('details.approximately', { time: resolvedTime(e) })
              : resolvedTime(e)}
          </span>
          {e.time.approximate && <span className="dl-note">{t('details.approximateNote')}</span>}
        </dd>
        <dt>{t('details.where')}</dt>
        <dd data-testid="where">
          {place ? (
            <>
              <span lang={lang} dir="auto">
                <Highlighted text={place.name} terms={terms} />
              </span>{' '}
              <span className="dl-note">{t(`details.precision.${place.precision}`)}</span>
              {place.note && (
                <span className="dl-note" lang={lang} dir="auto">
                  {' '}
                  {place.note}
                </span>
              )}
              {place.geocoded && (
                <span className="dl-note" data-testid="geocoded">
                  {' '}
                  <Isolated
                    k="details.geocoded"
                    values={{ query: place.geocoded.query, matched: place.geocoded.matched }}
                    isolate={['query', 'matched']}
                  />
                </span>
              )}
            </>
          ) : (
            <span className="dl-note">{t('details.noPlace')}</span>
          )}
        </dd>
        {e.actors.length > 0 && (
          <>
            <dt>{t('details.who')}</dt>
            <dd>
              <ul className="dl-actors">
                {e.actors.map(({ actor: id, role }) => {
                  const actor = d.actors.get(id);
                  const chain = actor ? memberChain(actor, d) : [];
                  return (
                    <li key={`${id}-${role}`}>
                      <span className="dl-actor-name" lang={lang} dir="auto">
                        <Highlighted text={actor?.name ?? id} terms={terms} />
                      </span>{' '}
                      <span className="dl-role">{t(`values.role.${role}`)}</span>
                      {chain.length > 0 && (
                        <span className="dl-note">
                          {' '}
                          <Isolated
                            k="details.memberOf"
                            values={{ chain: chain.map((a) => a.name).join(t('filters.comma')) }}
                            isolate={['chain']}
                          />
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
            <dt>{t('details.tags')}</dt>
            <dd className="dl-tags" lang={lang}>
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
        <section className="dl-evidence" aria-label={t('details.evidence')}>
          <h3>{t('details.inSourceWords')}</h3>
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
