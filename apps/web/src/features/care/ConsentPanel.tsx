import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { CONSENT_PURPOSES, type CareRecipient, type ConsentAmendment, type ConsentRecord } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { careApi, careKeys } from './care.api';
import { SaveModal, useSave } from './PlanModals';

/**
 * What the person (or their proxy) agreed to, and every earlier version of it. Those who manage care in the grid
 * amend the purposes here: the record in force is kept, superseded, and a new one is recorded.
 */
export function ConsentPanel({ recipient, may }: { recipient: CareRecipient; may: boolean }) {
  const { t } = useTranslation();
  const [amending, setAmending] = useState(false);
  const history = useQuery({ queryKey: careKeys.consents(recipient.id), queryFn: () => careApi.consents(recipient.id) });
  const purposes = (keys: string[]) => keys.map((k) => t(`care.purposes.${k}`)).join('、');
  const who = (c: Pick<ConsentRecord, 'givenBy' | 'byProxy' | 'proxyRelation'>) =>
    `${c.givenBy}（${c.byProxy ? t('care.consent.byProxy', { relation: c.proxyRelation ?? '' }) : t('care.consent.inPerson')}）`;
  return (
    <section style={{ marginTop: 24 }} data-testid="care-consent">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.consent.title')}
        </Typography.Title>
        {may && recipient.consent && (
          <Button onClick={() => setAmending(true)} data-testid="care-consent-amend">
            {t('care.consent.amend')}
          </Button>
        )}
      </Space>
      {recipient.consent && (
        <Typography.Paragraph data-testid="care-consent-current">
          {t('care.enrol.purposes')}：{purposes(recipient.consent.purposes)} · {t('care.enrol.givenBy')}：{who(recipient.consent)}
        </Typography.Paragraph>
      )}
      {history.isError && <Alert type="error" showIcon title={errorText(history.error)} />}
      <Table<ConsentRecord>
        rowKey="id"
        size="small"
        pagination={false}
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        caption={<span className="sr-only">{t('care.consent.history')}</span>}
        data-testid="care-consent-history"
        columns={[
          {
            key: 'state',
            title: t('care.consent.state'),
            render: (_, c) =>
              c.supersededAt ? (
                <Tag>{t('care.consent.superseded')}</Tag>
              ) : c.withdrawnAt ? (
                <Tag>{t('care.consent.withdrawn')}</Tag>
              ) : (
                <Tag color="#237804">{t('care.consent.inForce')}</Tag>
              ),
          },
          { key: 'purposes', title: t('care.enrol.purposes'), render: (_, c) => purposes(c.purposes) },
          { key: 'who', title: t('care.enrol.givenBy'), render: (_, c) => who(c) },
          { key: 'givenAt', title: t('care.consent.givenAt'), render: (_, c) => formatDateTime(c.givenAt) },
          {
            key: 'ended',
            title: t('care.consent.ended'),
            render: (_, c) => (c.withdrawnAt ? formatDateTime(c.withdrawnAt) : '—'),
          },
          { key: 'recordedBy', title: t('care.consent.recordedBy'), render: (_, c) => c.recordedBy ?? '—' },
        ]}
      />
      {may && recipient.consent && <AmendModal recipient={recipient} open={amending} onClose={() => setAmending(false)} />}
    </section>
  );
}

type AmendForm = Omit<ConsentAmendment, 'proxyRelation'> & { proxyRelation?: string | null };

/** The same fields as at enrolment: who agreed, whether a family member did on their behalf, and for what. */
function AmendModal({ recipient, open, onClose }: { recipient: CareRecipient; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AmendForm>();
  const { mutation, failure, clear } = useSave(
    form,
    ['givenBy', 'byProxy', 'proxyRelation', 'purposes'],
    (v) =>
      careApi.amendConsent(recipient.id, {
        givenBy: v.givenBy,
        byProxy: v.byProxy,
        ...(v.byProxy && v.proxyRelation ? { proxyRelation: v.proxyRelation } : {}),
        purposes: v.purposes ?? [],
      }),
    onClose,
  );
  const byProxy = Form.useWatch('byProxy', form);
  useEffect(() => {
    if (!open || !recipient.consent) return;
    clear();
    const c = recipient.consent;
    form.setFieldsValue({
      givenBy: c.givenBy,
      byProxy: c.byProxy,
      proxyRelation: c.proxyRelation,
      purposes: c.purposes as ConsentAmendment['purposes'],
    });
    // Filled again each time it opens, from the consent in force now (form and clear are stable).
  }, [open, recipient]);
  const required = [{ required: true, message: t('care.enrol.required') }];
  return (
    <SaveModal
      open={open}
      title={t('care.consent.amendTitle', { name: recipient.name })}
      onClose={onClose}
      form={form}
      save={{ mutation, failure }}
      testId="care-consent-form"
      intro={<Typography.Paragraph type="secondary">{t('care.consent.amendNote')}</Typography.Paragraph>}
    >
      <Form.Item name="givenBy" label={t('care.enrol.givenBy')} rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="byProxy" label={t('care.enrol.byProxy')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {byProxy && (
        <Form.Item name="proxyRelation" label={t('care.enrol.relation')} rules={required}>
          <Input maxLength={20} />
        </Form.Item>
      )}
      <Form.Item
        name="purposes"
        label={t('care.enrol.purposes')}
        // A validator rather than `required`: antd would put aria-required on the group, which a group may not carry.
        rules={[
          {
            validator: async (_, v?: string[]) => {
              if (!v?.length) throw new Error(t('care.enrol.required'));
            },
          },
        ]}
      >
        <Checkbox.Group options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`care.purposes.${p}`) }))} />
      </Form.Item>
    </SaveModal>
  );
}
