import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { OutboxTable } from '../outbox/OutboxTable';
import { BAND_COLORS, grouped } from './WristbandsPage';
import { wristbandKeys, wristbandsApi, type Scan } from './wristbands.api';
import { PageHeader } from '../../app/PageHeader';

/** One wristband: who wears it, its scans (with the finder's location and callback), and what the family was sent. */
export default function WristbandDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const client = useQueryClient();
  const band = useQuery({ queryKey: wristbandKeys.band(id), queryFn: () => wristbandsApi.band(id), refetchInterval: 15_000 });
  usePageTitle(t('outreach.wristbands.detail'));
  const [binding, setBinding] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  if (band.isPending) return <PageLoading />;
  if (band.isError) return <Alert type="error" showIcon title={errorText(band.error)} />;
  const b = band.data;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      void client.invalidateQueries({ queryKey: ['wristbands'] });
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  const reveal = async (scanId: string) => {
    try {
      const { callbackPhone } = await wristbandsApi.reveal(scanId);
      setRevealed((r) => ({ ...r, [scanId]: callbackPhone }));
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  return (
    <>
      <PageHeader
        title={
          <>
            {t('outreach.wristbands.detail')} <code>{grouped(b.code)}</code>
          </>
        }
      />
      <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
        <Descriptions.Item label={t('outreach.wristbands.status')}>
          <Tag color={BAND_COLORS[b.status]} data-testid="band-status">
            {t(`outreach.wristbands.statuses.${b.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('outreach.wristbands.wearer')}>{b.recipientName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.wristbands.org')}>{b.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.wristbands.publicLink')}>
          <a href={`/w/${b.code}`} target="_blank" rel="noopener noreferrer">
            /w/{b.code}
            <span className="sr-only">{t('common.opensInNewTab')}</span>
          </a>
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ margin: '16px 0' }} wrap>
        {b.status === 'unbound' && (
          <Button type="primary" onClick={() => setBinding(true)} data-testid="band-bind">
            {t('outreach.wristbands.bind')}
          </Button>
        )}
        {b.status === 'bound' && (
          <Popconfirm title={t('outreach.wristbands.confirmLost')} onConfirm={() => void act(() => wristbandsApi.setStatus(id, 'lost'))}>
            <Button>{t('outreach.wristbands.markLost')}</Button>
          </Popconfirm>
        )}
        {b.status !== 'retired' && (
          <Popconfirm
            title={t('outreach.wristbands.confirmRetire')}
            onConfirm={() => void act(() => wristbandsApi.setStatus(id, 'retired'))}
          >
            <Button danger>{t('outreach.wristbands.retire')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Card title={t('outreach.wristbands.scanLog')} size="small" style={{ marginBottom: 16 }}>
        <Table<Scan>
          data-testid="scan-log"
          rowKey="id"
          size="small"
          dataSource={b.scanLog}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 720 }}
          locale={{ emptyText: <span className="empty-text">{t('outreach.wristbands.noScans')}</span> }}
          columns={[
            { key: 'at', title: t('outreach.wristbands.scannedAt'), width: 150, render: (_v, s) => formatDateTimeShort(s.scannedAt) },
            {
              key: 'notified',
              title: t('outreach.wristbands.helpAsked'),
              width: 110,
              render: (_v, s) =>
                s.notifiedAt ? <Tag color="warning">{t('outreach.wristbands.helpYes')}</Tag> : t('outreach.wristbands.helpNo'),
            },
            {
              key: 'where',
              title: t('outreach.wristbands.location'),
              width: 200,
              render: (_v, s) =>
                s.lat !== null && s.lng !== null ? (
                  <a
                    href={`https://uri.amap.com/marker?position=${s.lng},${s.lat}&coordinate=wgs84`}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {s.lat.toFixed(5)}, {s.lng.toFixed(5)}
                    {s.accuracyM ? ` ±${s.accuracyM}m` : ''}
                    <span className="sr-only">{t('common.opensInNewTab')}</span>
                  </a>
                ) : (
                  '—'
                ),
            },
            {
              key: 'callback',
              title: t('outreach.wristbands.callback'),
              width: 200,
              render: (_v, s) =>
                s.callbackPhoneMasked ? (
                  <Space>
                    {revealed[s.id] ?? s.callbackPhoneMasked}
                    {!revealed[s.id] && (
                      <Button size="small" onClick={() => void reveal(s.id)}>
                        {t('outreach.wristbands.reveal')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { key: 'note', title: t('outreach.wristbands.note'), dataIndex: 'note', width: 160 },
          ]}
        />
      </Card>
      {b.recipientId && (
        <Card title={t('outreach.wristbands.familyMessages')} size="small">
          <OutboxTable filters={{ refId: b.recipientId, page: 1, pageSize: 20 }} testId="band-messages" />
        </Card>
      )}
      {binding && <BindModal bandId={id} onClose={() => setBinding(false)} />}
    </>
  );
}

/**
 * Binds the band to a care recipient. A refusal about the person (their consent does not cover the wristband) is
 * shown beside the field, with a way to that person's page to amend the consent.
 */
function BindModal({ bandId, onClose }: { bandId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const recipients = useQuery({ queryKey: ['care-recipients', 'pick'], queryFn: wristbandsApi.recipients });
  const [recipientId, setRecipientId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; consent: boolean } | null>(null);
  const submit = async () => {
    if (!recipientId) return;
    setSaving(true);
    setRefusal(null);
    try {
      await wristbandsApi.bind(bandId, recipientId);
      void client.invalidateQueries({ queryKey: ['wristbands'] });
      onClose();
    } catch (e) {
      const issue = e instanceof ApiError ? e.details.find((d) => d.path === 'recipientId') : undefined;
      if (issue) setRefusal({ text: issue.message, consent: issue.code === 'consent_lacks_wristband' });
      else void message.error(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('outreach.wristbands.bind')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !recipientId }}
      confirmLoading={saving}
    >
      {recipients.isError && <Alert type="error" showIcon title={errorText(recipients.error)} />}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('outreach.wristbands.wearer')}
          htmlFor="bind-recipient"
          validateStatus={refusal ? 'error' : undefined}
          help={
            refusal && (
              <span data-testid="bind-recipient-error">
                {refusal.text}
                {refusal.consent && recipientId && (
                  <>
                    {' '}
                    <Link to={`/care/recipients/${recipientId}`} style={{ textDecoration: 'underline' }} data-testid="bind-amend-consent">
                      {t('outreach.wristbands.amendConsent')}
                    </Link>
                  </>
                )}
              </span>
            )
          }
        >
          <Select
            id="bind-recipient"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('outreach.wristbands.pickRecipient')}
            value={recipientId}
            onChange={(v) => {
              setRecipientId(v);
              setRefusal(null);
            }}
            // A masked name (王**) may stand for several elders of one grid: the address and carrier tell them apart.
            options={(recipients.data?.items ?? []).map((r) => ({
              value: r.id,
              label: [r.name, r.orgName, r.addressMasked, r.mainVolunteer && `${t('care.roleMain')} ${r.mainVolunteer.name}`]
                .filter(Boolean)
                .join(' · '),
            }))}
            data-testid="bind-recipient"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
