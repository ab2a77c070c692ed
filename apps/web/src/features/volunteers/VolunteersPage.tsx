import { lazy, Suspense, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TEAM_KINDS } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { useOrgScope } from '../../app/org-scope';
import { PageLoading } from '../../app/PageLoading';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { HoursTab } from './HoursTab';
import { ShiftCard } from './ShiftCard';
import { TeamDrawer } from './TeamDrawer';
import { volunteerKeys, volunteersApi, type CreateTeam, type Team } from './volunteers.api';
import { PageHeader } from '../../app/PageHeader';

const GrowthChart = lazy(() => import('./GrowthChart'));

/** Volunteer teams (驿路阳光, 志愿者邮路, 学雷锋), how they grew, and hours waiting for approval. */
export default function VolunteersPage() {
  const { t } = useTranslation();
  usePageTitle(t('outreach.volunteers.title'));
  const me = useSignedIn();
  const canManage = hasPermission(me, 'volunteer.manage');
  const { orgId } = useOrgScope();
  const teams = useQuery({ queryKey: volunteerKeys.teams(orgId), queryFn: () => volunteersApi.teams(orgId) });
  const growthOrg = orgId ?? teams.data?.items[0]?.orgId ?? null;
  const growth = useQuery({
    queryKey: volunteerKeys.growth(growthOrg ?? ''),
    queryFn: () => volunteersApi.growth(growthOrg!),
    enabled: Boolean(growthOrg),
  });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // `?tab=hours` (with the hours' own `from`/`to`) opens the hours, for coordinators.
  const [params, setParams] = useSearchParams();
  const tab = canManage && params.get('tab') === 'hours' ? 'hours' : 'teams';

  const teamsTab = (
    <>
      {growth.data && growth.data.points.length > 0 && (
        <Card title={t('outreach.volunteers.growthTitle')} size="small" style={{ marginBottom: 16 }}>
          <Suspense fallback={<PageLoading />}>
            <GrowthChart
              points={growth.data.points}
              label={t('outreach.volunteers.growthTitle')}
              seriesName={t('outreach.volunteers.members')}
            />
          </Suspense>
          <p data-testid="growth-summary">
            {t('outreach.volunteers.growthSummary', {
              from: growth.data.points[0]!.members,
              to: growth.data.points[growth.data.points.length - 1]!.members,
              start: growth.data.points[0]!.month,
            })}
          </p>
        </Card>
      )}
      <div className="filter-bar">
        <span style={{ flex: 1 }} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
            {t('outreach.volunteers.addTeam')}
          </Button>
        )}
      </div>
      {teams.isError && <Alert type="error" showIcon title={errorText(teams.error)} />}
      <Table<Team>
        data-testid="teams-table"
        rowKey="id"
        loading={teams.isFetching && !teams.data}
        dataSource={teams.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <span className="empty-text">{t('outreach.volunteers.noTeams')}</span> }}
        columns={[
          {
            key: 'name',
            title: t('outreach.volunteers.teamName'),
            render: (_v, team) => (
              <Button type="link" onClick={() => setOpen(team.id)} data-testid={`team-open-${team.id}`} style={{ padding: 0 }}>
                {team.name}
              </Button>
            ),
          },
          {
            key: 'kind',
            title: t('outreach.volunteers.kind'),
            width: 140,
            render: (_v, team) => <Tag>{t(`outreach.volunteers.kinds.${team.kind}`)}</Tag>,
          },
          { key: 'org', title: t('outreach.volunteers.org'), dataIndex: 'orgName', width: 220 },
          { key: 'members', title: t('outreach.volunteers.members'), dataIndex: 'members', width: 100 },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader title={t('outreach.volunteers.title')} />
      {me.person && <ShiftCard personId={me.person.id} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'hours' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'teams', label: t('outreach.volunteers.teams'), children: teamsTab },
          ...(canManage ? [{ key: 'hours', label: t('outreach.volunteers.hoursToApprove'), children: <HoursTab /> }] : []),
        ]}
      />
      {open && <TeamDrawer teamId={open} canManage={canManage} onClose={() => setOpen(null)} />}
      <CreateTeamModal open={creating} defaultOrgId={orgId} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateTeamModal({ open, defaultOrgId, onClose }: { open: boolean; defaultOrgId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateTeam>();
  const [saving, setSaving] = useState(false);
  const submit = async (values: CreateTeam) => {
    setSaving(true);
    try {
      await volunteersApi.createTeam(values);
      void client.invalidateQueries({ queryKey: ['volunteer-teams'] });
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('outreach.volunteers.addTeam')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: defaultOrgId ?? undefined, kind: 'carrier' }}
        onFinish={submit}
        data-testid="team-form"
      >
        <Form.Item name="orgId" label={t('outreach.volunteers.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('outreach.volunteers.kind')} rules={[{ required: true }]}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`outreach.volunteers.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('outreach.volunteers.teamName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
