import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { serviceMode, type ServiceKind, type ServiceRecord } from '@youshe/shared';
import { errorText, isApiError, problemText } from '../../app/api';
import { formatDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { clientId, stationKeys, stationsApi, type CreatedRecord } from '../../features/stations/stations.api';
import { Notice } from '../Notice';

const FIELDS = ['personName', 'phone', 'item', 'dueOn', 'kind'] as const;
const tomorrow = () => {
  const d = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
  return d.toISOString().slice(0, 10);
};

interface RecordForm {
  personName: string;
  phone?: string;
  item?: string;
  dueOn?: string;
}

/** Per-person records at the counter: lend, store (answers a claim code), agency errands; the open ones below. */
export function DeskRecords({ placeId, kinds }: { placeId: string; kinds: ServiceKind[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<RecordForm>();
  const [kind, setKind] = useState<ServiceKind | undefined>(kinds[0]);
  const [done, setDone] = useState<CreatedRecord | null>(null);
  // One id per filled-in form: a double tap or a retry after a dropped answer makes one record.
  const [recordId, setRecordId] = useState(clientId);
  const open = useQuery({ queryKey: stationKeys.records(placeId), queryFn: () => stationsApi.openRecords(placeId) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: stationKeys.records(placeId) });
    void client.invalidateQueries({ queryKey: stationKeys.list(null, true) });
  };

  const create = useMutation({
    mutationFn: (v: RecordForm) =>
      stationsApi.createRecord(placeId, {
        kind: kind!,
        personName: v.personName,
        phone: v.phone?.trim() || undefined,
        item: v.item ?? '',
        dueOn: serviceMode(kind!) === 'lending' ? v.dueOn : undefined,
        recordId,
      }),
    onSuccess: (r) => {
      setDone(r);
      setRecordId(clientId());
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest.length || !isApiError(e) || e.details.length === 0) void message.error(problemText(e));
    },
  });
  const close = useMutation({
    mutationFn: ({ r, outcome }: { r: ServiceRecord; outcome: 'returned' | 'lost' | 'done' }) => stationsApi.close(r.id, outcome),
    onSuccess: refresh,
    onError: (e) => void message.error(problemText(e)),
  });

  if (!kinds.length) return null;
  const mode = kind ? serviceMode(kind) : null;
  return (
    <>
      <section className="resident-card" aria-labelledby="desk-records">
        <h2 id="desk-records">{t('stations.deskPage.records')}</h2>
        {/* Buttons that wrap: a phone's width cannot hold eight labels in one row, and cut labels cannot be read. */}
        <div role="group" aria-labelledby="desk-records" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
          {kinds.map((k) => (
            <Button
              key={k}
              size="large"
              type={kind === k ? 'primary' : 'default'}
              aria-pressed={kind === k}
              data-testid={`record-kind-${k}`}
              onClick={() => {
                setKind(k);
                setDone(null);
              }}
            >
              {t(`stations.service.${k}`)}
            </Button>
          ))}
        </div>
        {done && (
          <Notice tone="success" title={t('stations.deskPage.recorded')} testId="record-done">
            {done.claimCode && (
              <>
                <p data-testid="claim-code" style={{ fontSize: 28, fontWeight: 700 }}>
                  {t('stations.deskPage.claimCodeIs', { code: done.claimCode })}
                </p>
                <p>{t('stations.deskPage.claimCodeHint')}</p>
              </>
            )}
          </Notice>
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => create.mutate(v)}
          initialValues={{ dueOn: tomorrow() }}
          data-testid="record-form"
        >
          <Form.Item
            name="personName"
            label={t('stations.deskPage.personName')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input autoComplete="off" data-testid="record-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('stations.deskPage.phone')}
            rules={mode === 'lending' ? [{ required: true, message: t('validation.required') }] : []}
          >
            <Input inputMode="numeric" autoComplete="off" data-testid="record-phone" />
          </Form.Item>
          <Form.Item name="item" label={t('stations.deskPage.item')}>
            <Input autoComplete="off" data-testid="record-item" />
          </Form.Item>
          {mode === 'lending' && (
            <Form.Item name="dueOn" label={t('stations.deskPage.dueOn')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input type="date" data-testid="record-due" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending} data-testid="record-submit">
            {t('stations.deskPage.submit')}
          </Button>
        </Form>
      </section>
      {kinds.includes('storage') && <ClaimForm placeId={placeId} onClaimed={refresh} />}
      <section className="resident-card" aria-labelledby="desk-open">
        <h2 id="desk-open">{t('stations.deskPage.open')}</h2>
        {open.isError && <Notice tone="error" title={errorText(open.error)} />}
        {open.data?.items.length === 0 && <p>{t('stations.deskPage.none')}</p>}
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="open-records">
          {open.data?.items.map((r) => (
            <li key={r.id} className="desk-record" data-testid="open-record">
              <span>
                <strong>{t(`stations.service.${r.kind}`)}</strong> {r.personName} {r.phoneMasked ?? ''} {r.item}
                {r.dueOn && (
                  <span className={r.overdue ? 'desk-overdue' : undefined} style={{ display: 'block' }}>
                    {r.overdue ? t('stations.deskPage.overdue') : t('stations.deskPage.due', { date: formatDate(r.dueOn) })}
                  </span>
                )}
              </span>
              {r.status === 'lent' && (
                <span style={{ display: 'flex', gap: 6 }}>
                  <Button onClick={() => close.mutate({ r, outcome: 'returned' })} data-testid="record-returned">
                    {t('stations.deskPage.returned')}
                  </Button>
                  <Button danger onClick={() => close.mutate({ r, outcome: 'lost' })}>
                    {t('stations.deskPage.lost')}
                  </Button>
                </span>
              )}
              {r.status === 'received' && (
                <Button onClick={() => close.mutate({ r, outcome: 'done' })}>{t('stations.deskPage.done')}</Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function ClaimForm({ placeId, onClaimed }: { placeId: string; onClaimed: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [claimed, setClaimed] = useState<ServiceRecord | null>(null);
  const claim = useMutation({
    mutationFn: (v: { code: string }) => stationsApi.claim(placeId, v.code.trim()),
    onSuccess: (r) => {
      setClaimed(r);
      form.resetFields();
      onClaimed();
    },
    onError: (e) => {
      setClaimed(null);
      form.setFields([{ name: 'code', errors: [problemText(e)] }]);
    },
  });
  return (
    <section className="resident-card" aria-labelledby="desk-claim">
      <h2 id="desk-claim">{t('stations.deskPage.claim')}</h2>
      {claimed && (
        <Notice tone="success" title={t('stations.deskPage.claimed', { item: claimed.item || claimed.personName })} testId="claim-done" />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => claim.mutate(v)}>
        <Form.Item name="code" label={t('stations.deskPage.claimCode')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input inputMode="numeric" maxLength={6} autoComplete="off" data-testid="claim-code-input" />
        </Form.Item>
        <Button htmlType="submit" size="large" block loading={claim.isPending} data-testid="claim-submit">
          {t('stations.deskPage.claimSubmit')}
        </Button>
      </Form>
    </section>
  );
}
