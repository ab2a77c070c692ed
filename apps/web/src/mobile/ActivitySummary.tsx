import { useTranslation } from 'react-i18next';
import { formatTimeRange } from '../app/format';
import type { PublicActivity } from './public.api';

/** What, when, where and who: the facts a resident needs, in large type. */
export function ActivitySummary({ activity, full = true }: { activity: PublicActivity; full?: boolean }) {
  const { t } = useTranslation();
  // The full page is about the activity; elsewhere it is background to the page's own heading.
  const Heading = full ? 'h1' : 'h2';
  return (
    <section className="resident-card" aria-labelledby="activity-title" data-testid="public-activity">
      <span className="resident-kind">{activity.kindName}</span>
      <Heading id="activity-title">{activity.title}</Heading>
      <dl className="resident-facts">
        <dt>{t('public.time')}</dt>
        <dd data-testid="public-time">{formatTimeRange(activity.startsAt, activity.endsAt, true)}</dd>
        {activity.location && (
          <>
            <dt>{t('public.place')}</dt>
            <dd>{activity.location}</dd>
          </>
        )}
        {full && activity.organisers.length > 0 && (
          <>
            <dt>{t('public.organisers')}</dt>
            <dd>{activity.organisers.join('、')}</dd>
          </>
        )}
      </dl>
      {full && activity.description && <p className="resident-description">{activity.description}</p>}
    </section>
  );
}
