import { useState } from 'react';
import { EditOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, type Place, type PlaceKind } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { PlaceFormDrawer } from './PlaceFormDrawer';
import { placeKeys, placesApi, type PlaceFilters } from './places.api';

export default function PlacesPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.places'));
  const me = useSignedIn();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  // On phones pinned columns would leave no room for the rest: everything scrolls together.
  const pinColumns = Grid.useBreakpoint().md !== false;
  const [kind, setKind] = useState<PlaceKind | undefined>();
  const [q, setQ] = useState('');
  const [member, setMember] = useState<'true' | 'false' | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const { paging, firstPage, pagination } = usePaging();
  const [editing, setEditing] = useState<Place | 'new' | null>(null);
  const canWrite = hasPermission(me, 'place.write');

  const filters: PlaceFilters = { orgId, kind, q: q.trim() || undefined, hasPartyMember: member, includeArchived, ...paging };
  const list = useQuery({ queryKey: placeKeys.list(filters), queryFn: () => placesApi.list(filters), placeholderData: keepPreviousData });

  const archive = useMutation({
    mutationFn: ({ place, archived }: { place: Place; archived: boolean }) =>
      archived ? placesApi.archive(place.id) : placesApi.restore(place.id),
    onSuccess: (_d, { archived }) => {
      void message.success(archived ? t('places.archived') : t('places.restored'));
      void client.invalidateQueries({ queryKey: placeKeys.all });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <>
      <PageHeader title={t('nav.places')}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="place-create">
            {t('places.create')}
          </Button>
        )}
      </PageHeader>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Input.Search
          allowClear
          placeholder={t('places.searchPlaceholder')}
          aria-label={t('places.search')}
          onSearch={(v) => {
            setQ(v);
            firstPage();
          }}
          style={{ width: 240 }}
          maxLength={64}
          data-testid="place-search"
        />
        <Select<PlaceKind>
          allowClear
          placeholder={t('places.kind')}
          aria-label={t('places.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            firstPage();
          }}
          options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
          style={{ width: 150 }}
          data-testid="place-kind-filter"
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('places.hasPartyMember')}
          aria-label={t('places.hasPartyMember')}
          value={member}
          onChange={(v) => {
            setMember(v);
            firstPage();
          }}
          options={[
            { value: 'true', label: t('places.withMember') },
            { value: 'false', label: t('places.withoutMember') },
          ]}
          style={{ width: 170 }}
        />
        <label className="inline-switch">
          <Switch
            size="small"
            checked={includeArchived}
            onChange={(v) => {
              setIncludeArchived(v);
              firstPage();
            }}
          />
          <span>{t('common.showArchived')}</span>
        </label>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Place>
        data-testid="places-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1290 }}
        rowClassName={(p) => (p.archivedAt ? 'row-archived' : '')}
        pagination={pagination(list.data?.total, [20, 50, 100])}
        columns={[
          {
            key: 'name',
            title: t('places.name'),
            width: 220,
            render: (_v, p) => (
              <span>
                {p.name}
                {p.archivedAt && (
                  <Tag variant="outlined" style={{ marginInlineStart: 6 }}>
                    {t('common.archived')}
                  </Tag>
                )}
              </span>
            ),
          },
          { key: 'kind', title: t('places.kind'), width: 110, render: (_v, p) => <Tag color="blue">{t(`placeKind.${p.kind}`)}</Tag> },
          { key: 'org', title: t('places.org'), dataIndex: 'orgName', width: 200 },
          { key: 'address', title: t('places.address'), width: 280, render: (_v, p) => p.address ?? '—' },
          { key: 'hours', title: t('places.openingHours'), width: 170, render: (_v, p) => p.openingHours ?? '—' },
          {
            key: 'member',
            title: t('places.hasPartyMember'),
            width: 110,
            render: (_v, p) => (p.hasPartyMember ? <Tag color="red">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  fixed: pinColumns ? ('right' as const) : undefined,
                  width: 190,
                  render: (_v: unknown, p: Place) => (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        type="link"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(p)}
                        aria-label={t('places.editTitle', { name: p.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      {p.archivedAt ? (
                        <Button
                          size="small"
                          type="link"
                          icon={<UndoOutlined />}
                          onClick={() => archive.mutate({ place: p, archived: false })}
                        >
                          {t('places.restore')}
                        </Button>
                      ) : (
                        <Popconfirm
                          title={t('places.archiveConfirm', { name: p.name })}
                          okText={t('places.archive')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => archive.mutateAsync({ place: p, archived: true }).catch(() => undefined)}
                        >
                          <Button size="small" type="link" icon={<InboxOutlined />} data-testid={`place-archive-${p.id}`}>
                            {t('places.archive')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PlaceFormDrawer target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
