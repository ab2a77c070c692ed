import { lazy, Suspense, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText, problemText, type Page } from '../../app/api';
import { PageLoading } from '../../app/PageLoading';
import { volunteerKeys, volunteersApi, type Member } from './volunteers.api';

const GrowthChart = lazy(() => import('./GrowthChart'));

/** One team: its size over time and its roster, with joining and leaving. */
export function TeamDrawer({ teamId, canManage, onClose }: { teamId: string; canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const team = useQuery({ queryKey: volunteerKeys.team(teamId), queryFn: () => volunteersApi.team(teamId) });
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | undefined>();
  const [joinedOn, setJoinedOn] = useState(dayjs());
  const people = useQuery({
    queryKey: ['people', 'pick', search],
    queryFn: () => api.get<Page<{ id: string; name: string; orgName: string }>>('/api/people', { q: search || undefined, pageSize: 20 }),
    enabled: canManage,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['volunteer-teams'] });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      refresh();
    } catch (e) {
      void message.error(problemText(e));
    }
  };

  return (
    <Drawer open onClose={onClose} size="large" title={team.data?.name ?? ''} data-testid="team-drawer">
      {team.isError && <Alert type="error" showIcon title={errorText(team.error)} />}
      {team.data && team.data.growth.length > 0 && (
        <Suspense fallback={<PageLoading />}>
          <GrowthChart
            points={team.data.growth}
            label={t('outreach.volunteers.growthTitle')}
            seriesName={t('outreach.volunteers.members')}
          />
        </Suspense>
      )}
      {canManage && (
        <Space wrap style={{ margin: '16px 0' }}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('outreach.volunteers.pickPerson')}
            aria-label={t('outreach.volunteers.pickPerson')}
            value={personId}
            onChange={setPersonId}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.orgName}` }))}
            style={{ width: 260 }}
            data-testid="member-pick"
          />
          <DatePicker
            value={joinedOn}
            onChange={(d) => d && setJoinedOn(d)}
            aria-label={t('outreach.volunteers.joinedOn')}
            allowClear={false}
          />
          <Button
            type="primary"
            disabled={!personId}
            onClick={() =>
              void act(() => volunteersApi.addMember(teamId, { personId: personId!, joinedOn: joinedOn.format('YYYY-MM-DD') }))
            }
            data-testid="member-add"
          >
            {t('outreach.volunteers.addMember')}
          </Button>
        </Space>
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        dataSource={team.data?.roster ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            key: 'name',
            title: t('outreach.volunteers.name'),
            render: (_v, m) => <Link to={`/volunteers/people/${m.personId}`}>{m.name}</Link>,
          },
          { key: 'joined', title: t('outreach.volunteers.joinedOn'), dataIndex: 'joinedOn', width: 120 },
          {
            key: 'left',
            title: t('outreach.volunteers.leftOn'),
            width: 140,
            render: (_v, m) =>
              m.leftOn ??
              (canManage ? (
                <Button size="small" onClick={() => void act(() => volunteersApi.leave(teamId, m.personId, dayjs().format('YYYY-MM-DD')))}>
                  {t('outreach.volunteers.leave')}
                </Button>
              ) : (
                <Tag color="success">{t('outreach.volunteers.current')}</Tag>
              )),
          },
        ]}
      />
    </Drawer>
  );
}
