import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createActivitySchema, type Activity } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors, zodRule } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { OrgDirectorySelect, type OrgRef } from '../orgs/OrgDirectorySelect';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { partnershipKeys, partnershipsApi } from '../partnerships/partnerships.api';
import { activitiesApi, activityKeys } from './activities.api';
import { PlaceSelect } from './PlaceSelect';
import { useActivityKinds } from './use-activity-kinds';

interface Values {
  orgId: string;
  title: string;
  kindId: string;
  time: [Dayjs, Dayjs];
  placeId?: string | null;
  location?: string | null;
  capacity?: number | null;
  partnershipIds: string[];
  organiserIds: string[];
  description?: string;
}
const FIELDS = [
  'orgId',
  'title',
  'kindId',
  'time',
  'placeId',
  'location',
  'capacity',
  'partnershipIds',
  'organiserIds',
  'description',
] as const;
const shape = createActivitySchema.shape;

/** The server names the two ends of the time; the form has one range field for both. */
function withTimeField(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const details = e.details.map((d) => (d.path === 'startsAt' || d.path === 'endsAt' ? { ...d, path: 'time' } : d));
  return new ApiError(e.status, e.code, e.message, details);
}

/** Tomorrow 09:00–11:00, a sensible start for a new activity. */
const defaultTime = (): [Dayjs, Dayjs] => {
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  return [start, start.add(2, 'hour')];
};

interface Props {
  target: Activity | 'new' | null;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
}

/** Creates an activity (as a draft) or edits one. */
export function ActivityFormDrawer({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId: scopeOrgId } = useOrgScope();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;
  const kinds = useActivityKinds();
  const partnerships = useQuery({
    queryKey: partnershipKeys.options(scopeOrgId),
    queryFn: () => partnershipsApi.list({ orgId: scopeOrgId, page: 1, pageSize: 200 }),
    enabled: target !== null,
  });
  const orgId = Form.useWatch('orgId', form);

  // Partners of one's agreements are the likely co-organisers, wherever they sit in the tree.
  const knownOrgs = useMemo(() => {
    const byId = new Map<string, OrgRef>();
    for (const p of partnerships.data?.items ?? []) for (const m of p.members) byId.set(m.id, m);
    for (const o of editing?.organisers ?? []) byId.set(o.id, o);
    return [...byId.values()];
  }, [partnerships.data, editing]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFailure(null);
    if (target === 'new') {
      form.setFieldsValue({ orgId: scopeOrgId ?? undefined, time: defaultTime(), partnershipIds: [], organiserIds: [] });
    } else {
      form.setFieldsValue({
        orgId: target.orgId,
        title: target.title,
        kindId: target.kindId,
        time: [dayjs(target.startsAt), dayjs(target.endsAt)],
        placeId: target.placeId,
        location: target.location,
        capacity: target.capacity,
        partnershipIds: target.partnershipIds,
        organiserIds: target.organisers.map((o) => o.id).filter((id) => id !== target.orgId),
        description: target.description,
      });
    }
  }, [target, form, scopeOrgId]);

  /** Choosing an agreement brings its members in as co-organisers: nobody types what the platform knows. */
  const onPartnershipsChange = (ids: string[]) => {
    const chosen = (partnerships.data?.items ?? []).filter((p) => ids.includes(p.id));
    const current = new Set<string>(form.getFieldValue('organiserIds') ?? []);
    for (const p of chosen) for (const m of p.members) if (m.id !== orgId) current.add(m.id);
    form.setFieldValue('organiserIds', [...current]);
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        kindId: v.kindId,
        startsAt: v.time[0].second(0).millisecond(0).toISOString(),
        endsAt: v.time[1].second(0).millisecond(0).toISOString(),
        placeId: v.placeId ?? null,
        location: v.location?.trim() || null,
        description: v.description ?? '',
        capacity: v.capacity ?? null,
        organiserIds: v.organiserIds.filter((id) => id !== v.orgId),
        partnershipIds: v.partnershipIds,
      };
      return editing ? activitiesApi.update(editing.id, body) : activitiesApi.create({ ...body, orgId: v.orgId });
    },
    onSuccess: (activity) => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: activityKeys.all });
      if (onSaved) onSaved(activity);
      else onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, withTimeField(e), FIELDS);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : t('activities.checkFields'));
    },
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('activities.editTitle', { title: editing.title }) : t('activities.createTitle')}
      size={screens.sm === false ? '100%' : 600}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="activity-save">
            {editing ? t('common.save') : t('activities.saveDraft')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      {!editing && <Alert type="info" showIcon title={t('activities.draftHint')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="activity-form">
        <Form.Item name="orgId" label={t('activities.org')} rules={[{ required: true, message: t('validation.required') }]}>
          {editing ? <Input value={editing.orgName} disabled /> : <OrgTreeSelect />}
        </Form.Item>
        <Form.Item
          name="title"
          label={t('activities.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(shape.title)]}
        >
          <Input maxLength={100} data-testid="activity-title" />
        </Form.Item>
        <Form.Item
          name="kindId"
          label={t('activities.kind')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('activities.kindHint')}
        >
          <Select
            data-testid="activity-kind"
            loading={kinds.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(kinds.data ?? []).filter((k) => !k.archived || k.id === editing?.kindId).map((k) => ({ value: k.id, label: k.name }))}
          />
        </Form.Item>
        <Form.Item name="time" label={t('activities.time')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            placeholder={[t('activities.startsAt'), t('activities.endsAt')]}
          />
        </Form.Item>
        <Form.Item name="placeId" label={t('activities.place')} extra={t('activities.placeHint')}>
          <PlaceSelect valueLabel={editing?.placeName} />
        </Form.Item>
        <Form.Item name="location" label={t('activities.location')} rules={[zodRule(shape.location)]}>
          <Input maxLength={200} placeholder={t('activities.locationPlaceholder')} />
        </Form.Item>
        <Form.Item name="capacity" label={t('activities.capacity')} extra={t('activities.capacityHint')}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} data-testid="activity-capacity" />
        </Form.Item>
        <Form.Item name="partnershipIds" label={t('activities.partnerships')} extra={t('activities.partnershipsHint')}>
          <Select
            mode="multiple"
            data-testid="activity-partnerships"
            loading={partnerships.isPending}
            onChange={onPartnershipsChange}
            showSearch={{ optionFilterProp: 'label' }}
            options={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            notFoundContent={t('activities.noPartnerships')}
          />
        </Form.Item>
        <Form.Item name="organiserIds" label={t('activities.coOrganisers')} extra={t('activities.coOrganisersHint')}>
          <OrgDirectorySelect multiple known={knownOrgs} excludeIds={orgId ? [orgId] : []} data-testid="activity-organisers" />
        </Form.Item>
        <Form.Item name="description" label={t('activities.description')}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
