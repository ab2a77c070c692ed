import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PlaceSelect } from '../activities/PlaceSelect';

/** One outlet's day cut into equal slots: "from 09:00, 8 slots of 60 minutes, 20 people each". */
export interface OutletRow {
  placeId: string;
  day: Dayjs;
  firstHour: number;
  minutes: number;
  count: number;
  capacity: number;
}

export function slotsOf(o: OutletRow) {
  const start = o.day.hour(o.firstHour).minute(0).second(0).millisecond(0);
  return Array.from({ length: o.count }, (_, i) => ({
    startsAt: start.add(i * o.minutes, 'minute').toISOString(),
    endsAt: start.add((i + 1) * o.minutes, 'minute').toISOString(),
    capacity: o.capacity,
  }));
}

export const newOutletRow = (): Partial<OutletRow> => ({
  day: dayjs().add(1, 'day').startOf('day'),
  firstHour: 9,
  minutes: 60,
  count: 8,
  capacity: 20,
});

/** The outlets-and-slots part of a campaign form (set up, or slots added later), under the form field `outlets`. */
export function OutletSlotsFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="outlets">
      {(rows, { add, remove }) => (
        <fieldset className="form-fieldset">
          <legend>{t('bookings.outlets')}</legend>
          {rows.map((row) => (
            <Space key={row.key} wrap align="baseline" data-testid="outlet-row">
              <Form.Item name={[row.name, 'placeId']} rules={[{ required: true }]} style={{ minWidth: 200 }}>
                <PlaceSelect />
              </Form.Item>
              <Form.Item name={[row.name, 'day']} rules={[{ required: true }]}>
                <DatePicker aria-label={t('bookings.day')} />
              </Form.Item>
              <Form.Item name={[row.name, 'firstHour']} label={t('bookings.firstHour')}>
                <InputNumber min={0} max={23} style={{ width: 70 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'minutes']} label={t('bookings.minutes')}>
                <InputNumber min={10} max={720} step={10} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'count']} label={t('bookings.count')}>
                <InputNumber min={1} max={48} style={{ width: 70 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'capacity']} label={t('bookings.capacity')}>
                <InputNumber min={1} max={100000} style={{ width: 90 }} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('common.delete')} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add(newOutletRow())} icon={<PlusOutlined />}>
            {t('bookings.addOutlet')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
