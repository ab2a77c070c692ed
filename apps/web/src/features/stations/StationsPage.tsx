import { useState } from 'react';
import { EditOutlined, FilePdfOutlined, LinkOutlined, MobileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { useOrgScope } from '../../app/org-scope';
import { usePageTitle } from '../../app/use-page-title';
import { FunctionCatalogue } from './FunctionCatalogue';
import { ServiceRecordsTab } from './ServiceRecordsTab';
import { StationDrawer } from './StationDrawer';
import { stationKeys, stationsApi, type StationSummary } from './stations.api';

/**
 * Red stations in scope: profile, functions and services at a glance, today's count, the card and the public page;
 * the per-person service records of a station by day (`?tab=records&placeId=&from=&to=`), and the catalogue of
 * functions they choose from (`?tab=functions`).
 */
export default function StationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.stations'));
  const { orgId } = useOrgScope();
  const list = useQuery({ queryKey: stationKeys.list(orgId), queryFn: () => stationsApi.list(orgId) });
  const [editing, setEditing] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'functions' || params.get('tab') === 'records' ? params.get('tab')! : 'stations';

  return (
    <>
      <PageHeader title={t('nav.stations')}>
        <Link to="/desk" data-testid="open-desk">
          <MobileOutlined /> {t('stations.desk')}
        </Link>
      </PageHeader>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'stations' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'stations',
            label: t('stations.catalogue.stationsTab'),
            children: (
              <>
                {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
                <Table<StationSummary>
                  rowKey="placeId"
                  loading={list.isPending}
                  dataSource={list.data?.items ?? []}
                  scroll={{ x: 900 }}
                  pagination={false}
                  locale={{ emptyText: t('stations.noStations') }}
                  data-testid="stations-table"
                  columns={[
                    { title: t('stations.columns.name'), dataIndex: 'name' },
                    { title: t('stations.columns.org'), dataIndex: 'orgName' },
                    { title: t('stations.columns.community'), dataIndex: 'communityName' },
                    { title: t('stations.columns.head'), dataIndex: 'headName' },
                    { title: t('stations.columns.functions'), dataIndex: 'functionCount', align: 'right' },
                    { title: t('stations.columns.services'), dataIndex: 'serviceCount', align: 'right' },
                    { title: t('stations.columns.today'), dataIndex: 'todayCount', align: 'right' },
                    {
                      title: '',
                      key: 'actions',
                      render: (_v, s) => (
                        <Space wrap>
                          {s.canLog && (
                            <Link to={`?tab=records&placeId=${s.placeId}`} data-testid="station-records">
                              {t('stations.records.tab')}
                            </Link>
                          )}
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s.placeId)} data-testid="station-edit">
                            {t('stations.edit')}
                          </Button>
                          <Button
                            size="small"
                            icon={<FilePdfOutlined />}
                            href={`/api/stations/${s.placeId}/card.pdf`}
                            target="_blank"
                            rel="noopener noreferrer"
                          >
                            {t('stations.card')}
                          </Button>
                          <Button
                            size="small"
                            icon={<LinkOutlined />}
                            href={`/station/${s.placeId}`}
                            target="_blank"
                            rel="noopener noreferrer"
                          >
                            {t('stations.publicPage')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'records',
            label: <span data-testid="records-tab">{t('stations.records.tab')}</span>,
            children: list.isPending ? null : <ServiceRecordsTab stations={list.data?.items ?? []} />,
          },
          { key: 'functions', label: t('stations.catalogue.tab'), children: <FunctionCatalogue /> },
        ]}
      />
      {editing && <StationDrawer placeId={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
