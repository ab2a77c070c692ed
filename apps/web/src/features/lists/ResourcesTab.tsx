import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePaging } from '../../app/use-paging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { FormModal } from './FormModal';
import { listKeys, listsApi, type CreateResource, type Resource, type ResourceFilters } from './lists.api';

/** 资源清单: what postal units can offer — volunteers, rooms, materials. */
export function ResourcesTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [available, setAvailable] = useState<'true' | 'false' | undefined>();
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const filters: ResourceFilters = { orgId, available, ...paging };
  const list = useQuery({
    queryKey: listKeys.resources(filters),
    queryFn: () => listsApi.resources(filters),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => listsApi.setResourceAvailable(id, on),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => void client.invalidateQueries({ queryKey: ['resources'] }),
  });

  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('lists.availability')}
          aria-label={t('lists.availability')}
          value={available}
          onChange={(v) => {
            setAvailable(v);
            firstPage();
          }}
          options={[
            { value: 'true', label: t('lists.available') },
            { value: 'false', label: t('lists.unavailable') },
          ]}
          style={{ width: 130 }}
        />
        <span style={{ flex: 1 }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-create">
            {t('lists.addResource')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Resource>
        data-testid="resources-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: <span className="empty-text">{t('lists.noResources')}</span> }}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            key: 'title',
            title: t('lists.title'),
            width: 320,
            render: (_v, r) => (
              <>
                <div>{r.title}</div>
                {r.description && <div className="empty-text">{r.description}</div>}
              </>
            ),
          },
          { key: 'org', title: t('lists.provider'), dataIndex: 'orgName', width: 180 },
          { key: 'createdAt', title: t('lists.postedAt'), width: 130, render: (_v, r) => formatDateTimeShort(r.createdAt) },
          {
            key: 'available',
            title: t('lists.availability'),
            width: 110,
            render: (_v, r) => (
              <Switch
                checked={r.available}
                disabled={!canWrite}
                loading={toggle.isPending && toggle.variables?.id === r.id}
                onChange={(on) => toggle.mutate({ id: r.id, on })}
                checkedChildren={t('lists.available')}
                unCheckedChildren={t('lists.unavailable')}
                aria-label={t('lists.availableOf', { title: r.title })}
                data-testid={`resource-available-${r.id}`}
              />
            ),
          },
        ]}
      />
      <FormModal<CreateResource>
        open={creating}
        title={t('lists.addResource')}
        fields={['orgId', 'title', 'description']}
        initial={{ orgId: orgId ?? undefined }}
        submit={(v) => listsApi.createResource({ ...v, title: v.title.trim(), description: v.description?.trim() ?? '' })}
        onClose={() => setCreating(false)}
        testId="resource-form"
      >
        {() => (
          <>
            <Form.Item name="orgId" label={t('lists.provider')} rules={[{ required: true, message: t('validation.required') }]}>
              <OrgTreeSelect />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('lists.title')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={100} data-testid="resource-title" />
            </Form.Item>
            <Form.Item name="description" label={t('lists.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
