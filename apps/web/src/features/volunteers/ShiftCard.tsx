import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { shiftSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { hoursOf } from './HoursTab';
import { volunteerKeys, volunteersApi } from './volunteers.api';

type Shift = z.infer<typeof shiftSchema>;

/** The volunteer's own shift: check in when arriving at a station or activity, check out when leaving; hours follow. */
export function ShiftCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const open = useQuery({
    queryKey: ['volunteer-shift', 'open'],
    queryFn: () => api.get<{ shift: Shift | null }>('/api/volunteer-shifts/open'),
  });
  const record = useQuery({ queryKey: volunteerKeys.record(personId), queryFn: () => volunteersApi.record(personId) });
  const teams = (record.data?.teams ?? []).filter((x) => !x.leftOn);
  const [teamId, setTeamId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Shift | null>(null);
  const act = async (fn: () => Promise<Shift>) => {
    setBusy(true);
    try {
      const shift = await fn();
      if (shift.checkedOutAt) setLast(shift);
      void client.invalidateQueries({ queryKey: ['volunteer-shift'] });
      void client.invalidateQueries({ queryKey: volunteerKeys.record(personId) });
    } catch (e) {
      void message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const shift = open.data?.shift;
  return (
    <Card size="small" title={t('outreach.volunteers.myShift')} style={{ marginBottom: 16 }} data-testid="shift-card">
      {shift ? (
        <Space wrap>
          <span data-testid="shift-open">{t('outreach.volunteers.checkedInAt', { time: formatDateTimeShort(shift.checkedInAt) })}</span>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void act(() => api.post<Shift>(`/api/volunteer-shifts/${shift.id}/check-out`))}
            data-testid="shift-check-out"
          >
            {t('outreach.volunteers.checkOut')}
          </Button>
        </Space>
      ) : (
        <Space wrap>
          {teams.length > 0 && (
            <Select
              allowClear
              placeholder={t('outreach.volunteers.forTeam')}
              aria-label={t('outreach.volunteers.forTeam')}
              value={teamId}
              onChange={setTeamId}
              options={teams.map((x) => ({ value: x.teamId, label: x.name }))}
              style={{ width: 240 }}
            />
          )}
          <Button
            type="primary"
            loading={busy}
            onClick={() => void act(() => api.post<Shift>('/api/volunteer-shifts', teamId ? { teamId } : {}))}
            data-testid="shift-check-in"
          >
            {t('outreach.volunteers.checkIn')}
          </Button>
        </Space>
      )}
      {last?.minutes != null && <p data-testid="shift-done">{t('outreach.volunteers.shiftDone', { hours: hoursOf(last.minutes) })}</p>}
      <p style={{ marginBottom: 0 }}>
        <Link to={`/volunteers/people/${personId}`}>{t('outreach.volunteers.myRecord')}</Link>
      </p>
    </Card>
  );
}
