import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOKING_FIELD_KINDS } from '@youshe/shared';

/**
 * A campaign's eligibility fields, under the form field `fields`. `fixedKeys` are the keys residents have already
 * answered: a key is how their answers are stored, so it cannot be retyped (the server says what else is locked).
 */
export function FieldListFields({ fixedKeys }: { fixedKeys?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <fieldset className="form-fieldset">
          <legend>{t('bookings.fields')}</legend>
          {rows.map((row) => {
            const fixed = fixedKeys?.has(form.getFieldValue(['fields', row.name, 'key']) as string) ?? false;
            return (
              <Space key={row.key} wrap align="baseline" data-testid="field-row">
                <Form.Item name={[row.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,30}$/ }]}>
                  <Input placeholder={t('bookings.fieldKey')} aria-label={t('bookings.fieldKey')} style={{ width: 110 }} disabled={fixed} />
                </Form.Item>
                <Form.Item name={[row.name, 'label']} rules={[{ required: true }]}>
                  <Input
                    placeholder={t('bookings.fieldLabel')}
                    aria-label={t('bookings.fieldLabel')}
                    style={{ width: 140 }}
                    data-testid="field-label"
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'kind']} initialValue="text">
                  <Select
                    aria-label={t('bookings.fieldKind')}
                    style={{ width: 110 }}
                    data-testid="field-kind"
                    options={BOOKING_FIELD_KINDS.map((k) => ({ value: k, label: t(`bookings.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'pattern']}>
                  <Input placeholder={t('bookings.fieldPattern')} aria-label={t('bookings.fieldPattern')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'hint']}>
                  <Input placeholder={t('bookings.fieldHint')} aria-label={t('bookings.fieldHint')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'required']} valuePropName="checked" initialValue={true}>
                  <Switch checkedChildren={t('bookings.required')} unCheckedChildren={t('bookings.optional')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={t('common.delete')}
                  data-testid="field-remove"
                />
              </Space>
            );
          })}
          <Button type="dashed" onClick={() => add({ kind: 'text', required: !fixedKeys?.size })} icon={<PlusOutlined />}>
            {t('bookings.addField')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
