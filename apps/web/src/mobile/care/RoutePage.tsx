import { useEffect, useSyncExternalStore } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formatDate, formatDateTimeShort } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { LinkButton } from '../LinkButton';
import { Notice } from '../Notice';
import { ResidentError } from '../ResidentError';
import { carePhoneApi, carePhoneKeys } from './care-phone.api';
import { discardVisit, onQueueChange, readQueue, startQueueSync, syncQueue } from './visit-queue';

const snapshot = () => localStorage.getItem('youshe.care.queue.v1') ?? '[]';

/** What is still on the phone, kept in step with the queue. */
export function useQueue() {
  useSyncExternalStore(onQueueChange, snapshot);
  return readQueue();
}

/** The carrier's round on their phone: recipients in their order, who is due today, and what still waits to be sent. */
export function RoutePage() {
  const { t } = useTranslation();
  usePageTitle(t('care.routeTitle'));
  const qc = useQueryClient();
  const me = useSignedIn();
  const justSaved = (useLocation().state as { saved?: 'sent' | 'offline' } | null)?.saved;
  const route = useQuery({ queryKey: carePhoneKeys.route, queryFn: carePhoneApi.route });
  const queue = useQueue();
  const reorder = useMutation({
    mutationFn: carePhoneApi.reorder,
    onSuccess: (data) => qc.setQueryData(carePhoneKeys.route, data),
  });
  useEffect(() => {
    startQueueSync();
    void syncQueue().then(() => qc.invalidateQueries({ queryKey: carePhoneKeys.route }));
    const again = () => void syncQueue().then(() => qc.invalidateQueries({ queryKey: carePhoneKeys.route }));
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [qc]);

  if (route.isPending) return <PageLoading />;
  if (route.isError && !route.data)
    return <ResidentError error={route.error} notFound={t('care.emptyRoute')} onRetry={() => void route.refetch()} />;
  const items = route.data?.items ?? [];
  const mains = items.filter((i) => i.role === 'main').map((i) => i.id);
  const move = (id: string, by: number) => {
    const ids = [...mains];
    const at = ids.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    reorder.mutate(ids);
  };
  const waiting = queue.filter((v) => !v.error);
  return (
    <>
      <h1>{t('care.routeTitle')}</h1>
      <p>{t('care.routeIntro')}</p>
      {justSaved && !waiting.length && <Notice tone="success" title={t('care.savedSent')} testId="care-saved" />}
      {waiting.length > 0 && (
        <Notice tone="warning" title={t('care.queued', { count: waiting.length })} testId="care-queued">
          <Button onClick={() => void syncQueue().then(() => qc.invalidateQueries({ queryKey: carePhoneKeys.route }))}>
            {t('care.sendNow')}
          </Button>
        </Notice>
      )}
      {queue
        .filter((v) => v.error)
        .map((v) => (
          <Notice key={v.id} tone="error" title={`${v.recipientName} · ${formatDateTimeShort(v.visitedAt)}`} testId="care-rejected">
            <p>{t('care.rejected', { message: v.error })}</p>
            <Button danger onClick={() => discardVisit(v.id)}>
              {t('care.discard')}
            </Button>
          </Notice>
        ))}
      {items.length === 0 && <Notice tone="muted" title={t('care.emptyRoute')} />}
      <ol className="care-route" data-testid="care-route">
        {items.map((s) => {
          const pending = waiting.some((v) => v.recipientId === s.id);
          const mainAt = mains.indexOf(s.id);
          return (
            <li key={s.id} className="resident-card" data-testid="care-stop" data-due={s.dueToday && !pending ? 'yes' : 'no'}>
              <h2>
                {s.name} <span className="resident-kind">{s.role === 'main' ? t('care.roleMain') : t('care.roleBackup')}</span>
              </h2>
              <p>
                {s.orgName} · {s.addressMasked}
              </p>
              <p>
                {s.dueToday && !pending ? (
                  <strong className={s.overdue ? 'care-overdue' : 'care-due'}>{s.overdue ? t('care.overdue') : t('care.dueToday')}</strong>
                ) : (
                  t('care.notDue', { date: formatDate(s.dueAt.slice(0, 10)) })
                )}
                {' · '}
                {s.lastVisitAt ? t('care.lastVisit', { date: formatDateTimeShort(s.lastVisitAt) }) : t('care.never')}
              </p>
              <div className="care-stop-actions">
                <LinkButton to={`/care/visit/${s.id}`} type="primary">
                  {t('care.logVisit')}
                </LinkButton>
                {mainAt >= 0 && (
                  <>
                    <Button
                      aria-label={t('care.moveUp', { name: s.name })}
                      icon={<ArrowUpOutlined />}
                      disabled={mainAt === 0}
                      onClick={() => move(s.id, -1)}
                    />
                    <Button
                      aria-label={t('care.moveDown', { name: s.name })}
                      icon={<ArrowDownOutlined />}
                      disabled={mainAt === mains.length - 1}
                      onClick={() => move(s.id, 1)}
                    />
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {/* The round is where carriers land after signing in; the rest of their work is a tap away. A volunteer
          without elders who serves at a counter lands here too: their counter comes first. */}
      <div className="resident-actions">
        {items.length === 0 && hasPermission(me, 'booking.fulfil') && (
          <LinkButton to="/bookings/counter" type="primary" block data-testid="care-to-counter">
            {t('bookings.counter.title')}
          </LinkButton>
        )}
        <LinkButton to="/activities" block data-testid="care-to-console">
          {t('care.toConsole')}
        </LinkButton>
      </div>
    </>
  );
}
