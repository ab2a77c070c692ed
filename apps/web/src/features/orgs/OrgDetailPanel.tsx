import { DeleteOutlined, EditOutlined, InboxOutlined, NodeIndexOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgDetail } from '@youshe/shared';
import { ApiError, errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { hasPermission, hasPermissionOn, useSignedIn } from '../../app/session';
import { AppointmentsList } from '../coverage/AppointmentsList';
import { OrgPlacesList } from './OrgPlacesList';
import { orgKeys, orgsApi } from './orgs.api';

interface Props {
  orgId: string | null;
  onSelect: (id: string | null) => void;
  onCreateChild: (parent: OrgDetail) => void;
  onEdit: (org: OrgDetail) => void;
  onMove: (org: OrgDetail) => void;
}

/** Everything about the selected unit, and what may be done to it. */
export function OrgDetailPanel({ orgId, onSelect, onCreateChild, onEdit, onMove }: Props) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: orgKeys.detail(orgId ?? ''), queryFn: () => orgsApi.get(orgId!), enabled: orgId !== null });
  const org = detail.data;

  const refresh = () => client.invalidateQueries({ queryKey: ['orgs'] });
  const archive = useMutation({
    mutationFn: (archived: boolean) => (archived ? orgsApi.archive(org!.id) : orgsApi.restore(org!.id)),
    onSuccess: (_d, archived) => {
      void message.success(archived ? t('orgs.archived') : t('orgs.restored'));
      void refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const remove = useMutation({
    mutationFn: () => orgsApi.remove(org!.id),
    onSuccess: () => {
      const gone = org!.id;
      void message.success(t('orgs.deleted'));
      onSelect(org!.parentId);
      // Refresh everything but the deleted unit itself, which would only answer 404.
      void client.invalidateQueries({ queryKey: ['orgs'], predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === gone) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'has_references') {
        modal.confirm({
          title: t('orgs.cannotDelete'),
          content: e.message,
          okText: t('orgs.archiveInstead'),
          cancelText: t('common.cancel'),
          onOk: () => archive.mutateAsync(true).catch(() => undefined),
        });
      } else {
        void message.error(errorText(e));
      }
    },
  });

  if (!orgId) {
    return (
      <Card data-testid="org-detail">
        <Empty description={t('orgs.selectHint')} />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card data-testid="org-detail" aria-busy>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (detail.isError || !org) {
    return (
      <Card data-testid="org-detail">
        <Alert type="error" showIcon title={errorText(detail.error)} />
      </Card>
    );
  }

  const canWrite = hasPermissionOn(me, 'org.write', [...org.ancestors.map((a) => a.id), org.id]);
  const archived = Boolean(org.archivedAt);

  return (
    <Card
      data-testid="org-detail"
      title={
        <Space wrap size={8}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {org.name}
          </Typography.Title>
          <Tag color="blue">{t(`orgKind.${org.kind}`)}</Tag>
          {archived && <Tag variant="outlined">{t('common.archived')}</Tag>}
        </Space>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          ...org.ancestors.map((a) => ({
            key: a.id,
            title: (
              <Typography.Link onClick={() => onSelect(a.id)} data-testid={`org-crumb-${a.id}`}>
                {a.name}
              </Typography.Link>
            ),
          })),
          { key: org.id, title: org.name },
        ]}
      />
      {canWrite && (
        <Space wrap style={{ marginBottom: 16 }}>
          {!archived && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreateChild(org)} data-testid="org-create-child">
              {t('orgs.createChild')}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => onEdit(org)} data-testid="org-edit">
            {t('common.edit')}
          </Button>
          {org.parentId && (
            <Button icon={<NodeIndexOutlined />} onClick={() => onMove(org)} data-testid="org-move">
              {t('orgs.move')}
            </Button>
          )}
          {archived ? (
            <Button icon={<UndoOutlined />} loading={archive.isPending} onClick={() => archive.mutate(false)} data-testid="org-restore">
              {t('orgs.restore')}
            </Button>
          ) : (
            <Popconfirm
              title={t('orgs.archiveConfirm')}
              okText={t('orgs.archive')}
              cancelText={t('common.cancel')}
              onConfirm={() => archive.mutateAsync(true).catch(() => undefined)}
            >
              <Button icon={<InboxOutlined />} loading={archive.isPending} data-testid="org-archive">
                {t('orgs.archive')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('orgs.deleteConfirm')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="org-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'kind', label: t('orgs.kind'), children: t(`orgKind.${org.kind}`) },
          { key: 'side', label: t('orgs.side'), children: t(`orgSide.${org.side}`) },
          { key: 'shortName', label: t('orgs.shortName'), children: org.shortName ?? '—' },
          { key: 'code', label: t('orgs.code'), children: org.code ?? '—' },
          { key: 'children', label: t('orgs.childCount'), children: org.childCount },
          { key: 'places', label: t('orgs.placeCount'), children: org.placeCount },
          { key: 'people', label: t('orgs.personCount'), children: org.personCount },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(org.createdAt) },
          { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(org.updatedAt) },
          ...(archived ? [{ key: 'archivedAt', label: t('common.archivedAt'), children: formatDateTime(org.archivedAt) }] : []),
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, margin: '24px 0 12px' }}>
        {t('orgs.placesOfOrg')}
      </Typography.Title>
      <OrgPlacesList orgId={org.id} />
      {hasPermission(me, 'person.read') && (
        <section data-testid="org-appointments">
          <Typography.Title level={3} style={{ fontSize: 16, margin: '24px 0 12px' }}>
            {t('coverage.appointments')}
          </Typography.Title>
          <AppointmentsList
            orgId={org.id}
            // From a community's (or partner's) page one records who serves there; from a postal unit's, where its people serve.
            host={org.side !== 'postal' && !archived ? { id: org.id, name: org.name } : undefined}
            hint={t('coverage.orgAppointmentsHint')}
          />
        </section>
      )}
    </Card>
  );
}
