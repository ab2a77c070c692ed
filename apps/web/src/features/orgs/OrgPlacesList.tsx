import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Place } from '@youshe/shared';
import { errorText } from '../../app/api';
import { orgKeys, orgsApi } from './orgs.api';

/** The places (outlets, stations…) a unit runs, as a compact read-only list. */
export function OrgPlacesList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const places = useQuery({ queryKey: orgKeys.places(orgId), queryFn: () => orgsApi.places(orgId) });
  if (places.isError) return <Alert type="error" showIcon title={errorText(places.error)} />;
  return (
    <Table<Place>
      data-testid="org-places"
      size="small"
      rowKey="id"
      loading={places.isPending}
      dataSource={places.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: <span className="empty-text">{t('orgs.noPlaces')}</span> }}
      columns={[
        { key: 'name', title: t('places.name'), dataIndex: 'name' },
        { key: 'kind', title: t('places.kind'), width: 110, render: (_v, p) => t(`placeKind.${p.kind}`) },
        { key: 'address', title: t('places.address'), render: (_v, p) => p.address ?? '—' },
        {
          key: 'member',
          title: t('places.hasPartyMember'),
          width: 120,
          render: (_v, p) => (p.hasPartyMember ? <Tag color="red">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
        },
      ]}
      footer={
        places.data && places.data.total > places.data.items.length
          ? () => t('common.moreRows', { count: places.data.total - places.data.items.length })
          : undefined
      }
    />
  );
}
