import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { careApi, careKeys } from './care.api';
import { ConsentPanel } from './ConsentPanel';
import { NeighboursPanel } from './NeighboursPanel';
import { PairingModal, PlanModal } from './PlanModals';
import { VisitHistory } from './VisitHistory';

/**
 * One recipient: the plan, the carriers, the trusted neighbours and the consent (editable by those who manage care
 * in the grid) and the visit history.
 */
export default function RecipientDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const recipient = useQuery({ queryKey: careKeys.recipient(id), queryFn: () => careApi.recipient(id) });
  usePageTitle(recipient.data?.name ?? t('care.recipientsTitle'));
  const [editing, setEditing] = useState<'plan' | 'pairing' | null>(null);
  if (recipient.isPending) return <PageLoading />;
  if (recipient.isError) return <Alert type="error" showIcon title={errorText(recipient.error)} />;
  const r = recipient.data;
  const may = hasPermission(me, 'care.manage') && r.status === 'active';
  const list = (keys: string[], prefix: string) => (keys.length ? keys.map((k) => t(`${prefix}.${k}`)).join('、') : '—');
  return (
    <>
      <Link to="/care/recipients">← {t('care.recipientsTitle')}</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {r.name} {r.status !== 'active' && <Tag>{t('care.console.withdrawn')}</Tag>}
      </Typography.Title>
      {may && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Button onClick={() => setEditing('plan')} data-testid="care-edit-plan">
            {t('care.console.editPlan')}
          </Button>
          <Button onClick={() => setEditing('pairing')} data-testid="care-edit-pairing">
            {t('care.console.editPairing')}
          </Button>
        </Space>
      )}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="care-recipient-plan">
        <Descriptions.Item label={t('care.columns.grid')}>{r.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('care.columns.frequencyCol')}>{t(`care.frequency.${r.frequency}`)}</Descriptions.Item>
        <Descriptions.Item label={t('care.enrol.helpWanted')}>{list(r.helpWanted, 'care.helpKinds')}</Descriptions.Item>
        <Descriptions.Item label={t('care.console.familyItems')}>{list(r.extraItems, 'care.items')}</Descriptions.Item>
        <Descriptions.Item label={t('care.enrol.main')}>{r.mainVolunteer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('care.enrol.backup')}>{r.backupVolunteer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('care.columns.lastVisitCol')}>
          {r.lastVisitAt ? formatDateTime(r.lastVisitAt) : t('care.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('care.console.nextDue')}>
          {formatDateTime(r.dueAt)} {r.overdue && <Tag color="#a8071a">{t('care.overdue')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {may && (
        <>
          <PlanModal recipient={r} open={editing === 'plan'} onClose={() => setEditing(null)} />
          <PairingModal recipient={r} open={editing === 'pairing'} onClose={() => setEditing(null)} />
        </>
      )}
      <NeighboursPanel recipient={r} may={may} />
      <ConsentPanel recipient={r} may={may} />
      <div style={{ marginTop: 24 }}>
        <VisitHistory recipientId={r.id} />
      </div>
    </>
  );
}
