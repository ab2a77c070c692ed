import { Form, Input, InputNumber, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { GOAL_METRICS, goalRequestSchema, type GoalMetric } from '@youshe/shared';
import { zodRule } from '../../app/forms';
import { isMoneyField } from '../activities/outcome';
import { useActivityKinds } from '../activities/use-activity-kinds';

/** The unit a metric is counted in ('场', '人次', '元'…). */
export const unitKey = (metric: GoalMetric) =>
  metric === 'activities' || metric === 'attendance' ? `goalUnit.${metric}` : `outcomeUnit.${metric}`;

/** A goal as the form holds it: the target in yuan for money metrics. */
export interface GoalFormValue {
  title: string;
  metric: GoalMetric;
  kindId?: string | null;
  target: number;
}

/** The goal the server expects: targets of money metrics in fen. */
export function goalRequest(v: GoalFormValue) {
  return {
    title: v.title.trim(),
    metric: v.metric,
    kindId: v.kindId || null,
    target: isMoneyField(v.metric) ? Math.round(v.target * 100) : Math.round(v.target),
  };
}

/** The form's value for a stored goal. */
export function goalFormValue(g: { title: string; metric: GoalMetric; kindId: string | null; target: number }): GoalFormValue {
  return { title: g.title, metric: g.metric, kindId: g.kindId, target: isMoneyField(g.metric) ? g.target / 100 : g.target };
}

/**
 * One goal's fields. `prefix` places them inside a list (['goals', 0]) or at the top of a form ([]).
 * `listPath` is the full path of the list for reading the metric while it is edited.
 */
export function GoalFields({
  prefix,
  watchPath,
  compact = false,
}: {
  prefix: (string | number)[];
  watchPath: NamePath;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const form = Form.useFormInstance();
  const metric = Form.useWatch([...(watchPath as (string | number)[]), 'metric'], form) as GoalMetric | undefined;
  const money = metric ? isMoneyField(metric) : false;
  const name = (field: string) => [...prefix, field];
  return (
    <div className={compact ? 'goal-fields goal-fields-compact' : 'goal-fields'}>
      <Form.Item
        name={name('title')}
        label={t('goals.title')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(goalRequestSchema.shape.title)]}
        className="goal-title"
      >
        <Input maxLength={100} placeholder={t('goals.titlePlaceholder')} data-testid="goal-title" />
      </Form.Item>
      <Form.Item name={name('metric')} label={t('goals.metric')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          data-testid="goal-metric"
          popupMatchSelectWidth={false}
          options={GOAL_METRICS.map((m) => ({ value: m, label: t(`goalMetric.${m}`) }))}
        />
      </Form.Item>
      <Form.Item name={name('kindId')} label={t('goals.kind')}>
        <Select
          allowClear
          placeholder={t('goals.anyKind')}
          popupMatchSelectWidth={false}
          data-testid="goal-kind"
          options={(kinds.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
        />
      </Form.Item>
      <Form.Item name={name('target')} label={t('goals.target')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber
          min={money ? 0.01 : 1}
          max={1e10}
          precision={money ? 2 : 0}
          suffix={metric ? t(unitKey(metric)) : undefined}
          style={{ width: '100%' }}
          data-testid="goal-target"
        />
      </Form.Item>
    </div>
  );
}
