import { useEffect, useMemo, useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Grid, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createPartnershipSchema, type Partnership } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors, zodRule } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { OrgDirectorySelect, type OrgRef } from '../orgs/OrgDirectorySelect';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { GoalFields, goalRequest, type GoalFormValue } from './GoalFields';
import { partnershipKeys, partnershipsApi } from './partnerships.api';

interface Values {
  orgId: string;
  title: string;
  signedOn?: Dayjs | null;
  period: [Dayjs, Dayjs];
  memberIds: string[];
  goals?: GoalFormValue[];
}
const FIELDS = ['orgId', 'title', 'signedOn', 'period', 'memberIds'] as const;
const GOAL_FIELDS = ['title', 'metric', 'kindId', 'target'];
const DATE = 'YYYY-MM-DD';

/** The server names the period's two ends; the form has one range field for both. */
function withPeriodField(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  return new ApiError(
    e.status,
    e.code,
    e.message,
    e.details.map((d) => (d.path === 'startsOn' || d.path === 'endsOn' ? { ...d, path: 'period' } : d)),
  );
}

interface Props {
  target: Partnership | 'new' | null;
  onClose: () => void;
  onSaved?: (p: Partnership) => void;
}

/** Records an agreement with its members and goals, or edits its title, dates and members (goals are kept on its page). */
export function PartnershipFormDrawer({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId: scopeOrgId } = useOrgScope();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;
  const orgId = Form.useWatch('orgId', form);
  const existing = useQuery({
    queryKey: partnershipKeys.options(scopeOrgId),
    queryFn: () => partnershipsApi.list({ orgId: scopeOrgId, page: 1, pageSize: 200 }),
    enabled: target !== null,
  });
  const knownOrgs = useMemo(() => {
    const byId = new Map<string, OrgRef>();
    for (const p of existing.data?.items ?? []) for (const m of p.members) byId.set(m.id, m);
    for (const m of editing?.members ?? []) byId.set(m.id, m);
    return [...byId.values()];
  }, [existing.data, editing]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFailure(null);
    if (target === 'new') {
      const start = dayjs().startOf('year');
      form.setFieldsValue({ orgId: scopeOrgId ?? undefined, period: [start, start.endOf('year')], memberIds: [], goals: [] });
    } else {
      form.setFieldsValue({
        orgId: target.orgId,
        title: target.title,
        signedOn: target.signedOn ? dayjs(target.signedOn) : null,
        period: [dayjs(target.startsOn), dayjs(target.endsOn)],
        memberIds: target.members.map((m) => m.id).filter((id) => id !== target.orgId),
      });
    }
  }, [target, form, scopeOrgId]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        title: v.title.trim(),
        signedOn: v.signedOn ? v.signedOn.format(DATE) : null,
        startsOn: v.period[0].format(DATE),
        endsOn: v.period[1].format(DATE),
        memberIds: v.memberIds.filter((id) => id !== v.orgId),
      };
      return editing
        ? partnershipsApi.update(editing.id, common)
        : partnershipsApi.create({ ...common, orgId: v.orgId, goals: (v.goals ?? []).map(goalRequest) });
    },
    onSuccess: (p) => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: partnershipKeys.all });
      if (onSaved) onSaved(p);
      else onClose();
    },
    onError: (e) => {
      const goals = (form.getFieldValue('goals') ?? []) as unknown[];
      const goalFields = goals.flatMap((_g, i) => GOAL_FIELDS.map((f) => `goals.${i}.${f}`));
      const rest = applyServerErrors(form, withPeriodField(e), [...FIELDS, ...goalFields]);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : t('activities.checkFields'));
    },
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('partnerships.editTitle', { title: editing.title }) : t('partnerships.createTitle')}
      size={screens.sm === false ? '100%' : 640}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="partnership-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="partnership-form">
        <Form.Item name="orgId" label={t('partnerships.org')} rules={[{ required: true, message: t('validation.required') }]}>
          {editing ? <Input value={editing.orgName} disabled /> : <OrgTreeSelect />}
        </Form.Item>
        <Form.Item
          name="title"
          label={t('partnerships.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createPartnershipSchema.shape.title)]}
        >
          <Input maxLength={100} placeholder={t('partnerships.titlePlaceholder')} data-testid="partnership-title" />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label={t('partnerships.members')}
          extra={t('partnerships.membersHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('partnerships.membersRequired') }]}
        >
          <OrgDirectorySelect multiple known={knownOrgs} excludeIds={orgId ? [orgId] : []} data-testid="partnership-members" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="signedOn" label={t('partnerships.signedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="period" label={t('partnerships.period')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} placeholder={[t('partnerships.startsOn'), t('partnerships.endsOn')]} />
          </Form.Item>
        </div>
        {!editing && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 4px' }}>
              {t('partnerships.goals')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('partnerships.goalsHint')}</Typography.Paragraph>
            <Form.List name="goals">
              {(items, { add, remove }) => (
                <>
                  {items.map((item, i) => (
                    <Card
                      key={item.key}
                      size="small"
                      style={{ marginBottom: 12 }}
                      title={t('partnerships.goalN', { n: i + 1 })}
                      extra={
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(item.name)}
                          aria-label={t('partnerships.removeGoal', { n: i + 1 })}
                        />
                      }
                      data-testid={`goal-editor-${i}`}
                    >
                      <GoalFields prefix={[item.name]} watchPath={['goals', item.name]} compact />
                    </Card>
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add({ metric: 'activities', target: 1 })}
                    data-testid="goal-add"
                  >
                    {t('partnerships.addGoal')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Drawer>
  );
}
