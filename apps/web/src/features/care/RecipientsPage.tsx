import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Space, Table, Tag } from 'antd';
import type { CareRecipient } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText, problemText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { careApi, careKeys, type RecipientSecrets } from './care.api';
import { EnrolModal } from './EnrolModal';
import { PageHeader } from '../../app/PageHeader';

/** Care recipients of one's grids: masked in the list; address and health notes one audited click away. */
export default function RecipientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.recipientsTitle'));
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { orgId } = useOrgScope();
  const me = useSignedIn();
  const [enrolling, setEnrolling] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [shown, setShown] = useState<{ r: CareRecipient; s: RecipientSecrets } | null>(null);
  const filters = { orgId, ...paging };
  const list = useQuery({
    queryKey: careKeys.recipients(filters),
    queryFn: () => careApi.recipients(filters),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: careKeys.all });
  const fail = (e: unknown) => void message.error(problemText(e));
  const reveal = useMutation({
    mutationFn: (r: CareRecipient) => careApi.reveal(r.id).then((s) => ({ r, s })),
    onSuccess: setShown,
    onError: fail,
  });
  const withdraw = useMutation({ mutationFn: careApi.withdraw, onSettled: refresh, onError: fail });
  const remove = useMutation({ mutationFn: careApi.remove, onSettled: refresh, onError: fail });
  // The server's rule (care.access): the grid's coordinators and partners and the paired carriers may open the
  // address, and see the name in clear; others, a branch secretary say, see it masked and get no button that fails.
  const mayReveal = (r: CareRecipient) =>
    hasPermission(me, 'care.reveal') || (me.person !== null && [r.mainVolunteer?.id, r.backupVolunteer?.id].includes(me.person.id));
  const mayManage = hasPermission(me, 'care.manage');

  return (
    <>
      <PageHeader title={t('care.recipientsTitle')} />
      {hasPermission(me, 'care.manage') && (
        <div className="filter-bar">
          <span style={{ flex: 1 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)} data-testid="care-enrol">
            {t('care.enrol.button')}
          </Button>
        </div>
      )}
      <EnrolModal open={enrolling} onClose={() => setEnrolling(false)} />
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<CareRecipient>
        data-testid="care-recipients"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            key: 'name',
            title: t('care.columns.recipient'),
            width: 110,
            // The name opens the recipient's page: plan, carriers and visit history.
            render: (_v, r) => <Link to={`/care/recipients/${r.id}`}>{r.status === 'active' ? r.name : <Tag>{r.name}</Tag>}</Link>,
          },
          { key: 'grid', title: t('care.columns.grid'), width: 110, dataIndex: 'orgName' },
          { key: 'address', title: t('care.columns.address'), width: 170, render: (_v, r) => r.addressMasked ?? '—' },
          { key: 'frequency', title: t('care.columns.frequencyCol'), width: 80, render: (_v, r) => t(`care.frequency.${r.frequency}`) },
          {
            key: 'volunteers',
            title: t('care.volunteers'),
            width: 150,
            render: (_v, r) => [r.mainVolunteer?.name, r.backupVolunteer?.name].filter(Boolean).join(' / ') || '—',
          },
          {
            key: 'last',
            title: t('care.columns.lastVisitCol'),
            width: 170,
            render: (_v, r) => (r.lastVisitAt ? formatDateTime(r.lastVisitAt) : t('care.never')),
          },
          { key: 'count', title: t('care.visitCount'), width: 80, dataIndex: 'visitCount' },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 330,
            fixed: 'right',
            render: (_v, r) => {
              const reveals = r.status === 'active' && mayReveal(r);
              if (!reveals && !mayManage) return '—';
              return (
                <Space wrap>
                  {reveals && (
                    <Button size="small" onClick={() => reveal.mutate(r)}>
                      {t('care.reveal')}
                    </Button>
                  )}
                  {mayManage && r.status === 'active' && (
                    <>
                      <Button size="small" onClick={() => void careApi.exportData(r.id).catch(fail)}>
                        {t('care.export')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => modal.confirm({ title: t('care.withdrawConfirm'), onOk: () => withdraw.mutateAsync(r.id) })}
                      >
                        {t('care.withdraw')}
                      </Button>
                    </>
                  )}
                  {mayManage && (
                    <Button
                      size="small"
                      danger
                      onClick={() => modal.confirm({ title: t('care.removeConfirm'), onOk: () => remove.mutateAsync(r.id) })}
                    >
                      {t('care.remove')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Modal open={shown !== null} title={shown?.r.name} footer={null} onCancel={() => setShown(null)}>
        {shown && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('care.columns.phone')}>{shown.s.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('care.columns.address')}>{shown.s.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('care.columns.healthNotes')}>{shown.s.healthNotes ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </>
  );
}
