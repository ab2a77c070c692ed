import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { FUNCTION_GROUPS, SERVICE_KINDS, STATION_POSITIONINGS, type ServiceKind, type Station } from '@youshe/shared';
import { api, errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { stationKeys, stationsApi } from './stations.api';

interface Values {
  positionings: string[];
  functionIds: string[];
  services: ServiceKind[];
  communityOrgId: string | null;
  contactPhone: string;
  openingHours: string;
  intro: string;
}
const FIELDS = ['positionings', 'functionIds', 'services', 'communityOrgId', 'contactPhone', 'openingHours', 'intro'] as const;

/** Edits one station: positionings, the functions it runs, the services it offers, its community, contact and hours. */
export function StationDrawer({ placeId, onClose }: { placeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const station = useQuery({ queryKey: stationKeys.one(placeId), queryFn: () => stationsApi.get(placeId) });
  const catalogue = useQuery({ queryKey: stationKeys.functions, queryFn: stationsApi.functions, staleTime: 5 * 60_000 });
  const [q, setQ] = useState('');
  const communities = useQuery({
    queryKey: ['public', 'communities', q],
    queryFn: () => api.get<{ items: { id: string; name: string; parentName: string | null }[] }>('/api/public/communities', { q }),
    enabled: q.trim().length > 0,
  });

  useEffect(() => {
    const s = station.data;
    if (!s) return;
    form.setFieldsValue({
      positionings: s.positionings,
      functionIds: s.functionIds,
      services: s.services.map((x) => x.kind),
      communityOrgId: s.community?.id ?? null,
      contactPhone: s.contactPhone ?? '',
      openingHours: s.openingHours ?? '',
      intro: s.intro,
    });
  }, [station.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      stationsApi.update(placeId, {
        positionings: v.positionings as Station['positionings'],
        functionIds: v.functionIds,
        services: v.services.map((kind) => ({ kind, note: station.data?.services.find((x) => x.kind === kind)?.note ?? '' })),
        communityOrgId: v.communityOrgId,
        // A new community drops a grid that lay under the old one.
        ...(v.communityOrgId !== (station.data?.community?.id ?? null) ? { gridOrgId: null } : {}),
        contactPhone: v.contactPhone.trim() || null,
        openingHours: v.openingHours.trim() || null,
        intro: v.intro,
      }),
    onSuccess: () => {
      void message.success(t('stations.saved'));
      void client.invalidateQueries({ queryKey: stationKeys.all });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest.length) void message.error(rest.join('；'));
      else void message.error(errorText(e));
    },
  });

  const s = station.data;
  const canEdit = s?.canEdit ?? false;
  const communityOptions = [
    ...(s?.community ? [{ value: s.community.id, label: s.community.name }] : []),
    ...(communities.data?.items ?? [])
      .filter((c) => c.id !== s?.community?.id)
      .map((c) => ({ value: c.id, label: `${c.name}（${c.parentName ?? ''}）` })),
  ];

  return (
    <Drawer
      open
      title={s?.name ?? t('stations.edit')}
      width={640}
      onClose={onClose}
      extra={
        canEdit && (
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="station-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      {station.isError && <Alert type="error" showIcon message={errorText(station.error)} />}
      {!s ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('stations.headPerson')}>
              {s.head ? (
                <span data-testid="station-head">
                  {s.head.name}
                  {s.head.appointments.map((a) => ` · ${t('stations.crossAppointment')} ${a.orgName}${a.post}`).join('')}
                </span>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.gridOrg')}>{s.grid?.name ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="positionings" label={t('stations.positionings')}>
              <Checkbox.Group options={STATION_POSITIONINGS.map((p) => ({ value: p, label: t(`stations.positioning.${p}`) }))} />
            </Form.Item>
            <Form.Item name="functionIds" label={t('stations.functions')}>
              <Checkbox.Group style={{ display: 'block' }}>
                {FUNCTION_GROUPS.map((g) => (
                  <fieldset key={g} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
                    <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t(`stations.group.${g}`)}</legend>
                    <Space wrap>
                      {(catalogue.data?.items ?? [])
                        .filter((f) => f.groupKey === g && !f.archived)
                        .map((f) => (
                          <Checkbox key={f.id} value={f.id}>
                            {f.name}
                          </Checkbox>
                        ))}
                    </Space>
                  </fieldset>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="services" label={t('stations.servicesOffered')}>
              <Checkbox.Group options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`stations.service.${k}`) }))} />
            </Form.Item>
            <Form.Item name="communityOrgId" label={t('stations.communityOrg')}>
              <Select
                showSearch
                allowClear
                filterOption={false}
                onSearch={setQ}
                options={communityOptions}
                notFoundContent={communities.isFetching ? <Spin size="small" /> : null}
              />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('stations.contactPhone')}>
              <Input placeholder="0519-86661234" />
            </Form.Item>
            <Form.Item name="openingHours" label={t('stations.openingHours')}>
              <Input />
            </Form.Item>
            <Form.Item name="intro" label={t('stations.intro')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
