import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { hoursOf } from './HoursTab';
import { volunteerKeys, volunteersApi, type HoursEntry } from './volunteers.api';
import { PageHeader } from '../../app/PageHeader';

/** A volunteer's record: teams over time, hours by status, and the certificate of approved hours. */
export default function VolunteerRecordPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const { message } = App.useApp();
  const record = useQuery({ queryKey: volunteerKeys.record(personId), queryFn: () => volunteersApi.record(personId) });
  usePageTitle(record.data?.name ?? t('outreach.volunteers.record'));
  const [downloading, setDownloading] = useState(false);
  if (record.isPending) return <PageLoading />;
  if (record.isError) return <Alert type="error" showIcon title={errorText(record.error)} />;
  const r = record.data;
  const download = async () => {
    setDownloading(true);
    try {
      await volunteersApi.certificate(personId);
    } catch (e) {
      void message.error(problemText(e));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <PageHeader title={r.name} />
      <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('outreach.volunteers.org')}>{r.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.volunteers.approvedHours')}>
          <strong data-testid="record-approved">{hoursOf(r.approvedMinutes)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('outreach.volunteers.pendingHours')}>{hoursOf(r.pendingMinutes)}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.volunteers.teams')}>
          {r.teams.map((team) => (
            <div key={`${team.teamId}-${team.joinedOn}`}>
              {team.name}{' '}
              <span className="empty-text">
                {team.joinedOn} – {team.leftOn ?? t('outreach.volunteers.current')}
              </span>
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => void download()}
        data-testid="certificate-download"
      >
        {t('outreach.volunteers.certificate')}
      </Button>
      <Table<HoursEntry>
        style={{ marginTop: 16 }}
        rowKey="id"
        dataSource={r.hours}
        // No horizontal scroll: four short columns fit a phone, and a scroll region with nothing focusable fails axe.
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'when', title: t('outreach.volunteers.startedAt'), render: (_v, h) => formatDateTimeShort(h.startedAt) },
          { key: 'source', title: t('outreach.volunteers.source'), render: (_v, h) => t(`outreach.volunteers.sources.${h.source}`) },
          { key: 'hours', title: t('outreach.volunteers.hours'), render: (_v, h) => hoursOf(h.minutes) },
          {
            key: 'status',
            title: t('outreach.volunteers.status'),
            render: (_v, h) => <Tag>{t(`outreach.volunteers.hoursStatus.${h.status}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}
