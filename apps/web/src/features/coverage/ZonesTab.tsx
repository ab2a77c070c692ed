import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { EndDateModal } from './EndDateModal';
import { coverageApi, coverageKeys, type Zone } from './coverage.api';

/** The members' responsibility zones (党员责任区): who covers which outlet, in which roles, since when; ending one. */
export function ZonesTab({ orgId }: { orgId: string | null }) {
  const { t } = useTranslation();
  const [currentOnly, setCurrentOnly] = useState(true);
  const [ending, setEnding] = useState<Zone | null>(null);
  const zones = useQuery({ queryKey: coverageKeys.zones(orgId, currentOnly), queryFn: () => coverageApi.zones(orgId, currentOnly) });
  return (
    <>
      <div className="filter-bar">
        <label className="inline-switch">
          <Switch size="small" checked={currentOnly} onChange={setCurrentOnly} data-testid="zones-current-only" />
          <span>{t('coverage.currentOnly')}</span>
        </label>
      </div>
      {zones.isError && <Alert type="error" showIcon title={errorText(zones.error)} style={{ marginBottom: 16 }} />}
      <Table<Zone>
        size="small"
        rowKey="id"
        data-testid="zones-table"
        loading={zones.isFetching}
        dataSource={zones.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 980 }}
        onRow={(z) => ({ 'data-testid': `zone-row-${z.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <span className="empty-text">{t('coverage.noZones')}</span> }}
        columns={[
          { key: 'person', title: t('coverage.member'), dataIndex: 'personName', width: 110 },
          {
            key: 'place',
            title: t('coverage.outlet'),
            width: 220,
            render: (_v, z) => (
              <>
                <div>{z.placeName}</div>
                <div className="empty-text">{z.orgName}</div>
              </>
            ),
          },
          { key: 'roles', title: t('coverage.roles'), render: (_v, z) => z.roles.map((r) => <Tag key={r}>{t(`zoneRole.${r}`)}</Tag>) },
          {
            key: 'period',
            title: t('coverage.period'),
            width: 200,
            render: (_v, z) => `${formatDate(z.startsOn)} – ${z.endsOn ? formatDate(z.endsOn) : t('coverage.ongoing')}`,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_v, z) =>
              z.editable && !z.endsOn ? (
                <Button size="small" type="link" onClick={() => setEnding(z)} data-testid={`zone-end-${z.id}`}>
                  {t('coverage.end')}
                </Button>
              ) : null,
          },
        ]}
      />
      <EndDateModal
        target={
          ending && { title: t('coverage.endZone'), description: `${ending.personName} · ${ending.placeName}`, startsOn: ending.startsOn }
        }
        submit={(endsOn) => coverageApi.endZone(ending!.id, endsOn)}
        onClose={() => setEnding(null)}
        notAfterToday
        testId="zone-end-form"
      />
    </>
  );
}
