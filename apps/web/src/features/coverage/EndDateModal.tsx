import { useEffect, useState } from 'react';
import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../lists/FormModal';
import { COVERAGE_KEYS } from './coverage.api';

interface Props {
  /** What is ended, shown above the date; null while closed. */
  target: { title: string; description: string; startsOn: string } | null;
  submit: (endsOn: string) => Promise<unknown>;
  onClose: () => void;
  /** A zone ends when the member stops: no date still to come. */
  notAfterToday?: boolean;
  testId: string;
}

/** Ends a zone or an appointment on a chosen day (today unless told otherwise); the record is kept with its period. */
export function EndDateModal({ target, submit, onClose, notAfterToday, testId }: Props) {
  const { t } = useTranslation();
  // The last target stays shown while the dialog fades out, so that it never stands there without a name.
  const [shown, setShown] = useState(target);
  useEffect(() => {
    if (target) setShown(target);
  }, [target]);
  return (
    <FormModal<{ endsOn: Dayjs }>
      open={target !== null}
      title={(target ?? shown)?.title ?? ''}
      okText={t('coverage.end')}
      fields={['endsOn']}
      initial={{ endsOn: dayjs() }}
      submit={(v) => submit(v.endsOn.format('YYYY-MM-DD'))}
      onClose={onClose}
      invalidate={COVERAGE_KEYS}
      testId={testId}
    >
      {() => (
        <>
          {target && <Typography.Paragraph>{target.description}</Typography.Paragraph>}
          <Form.Item name="endsOn" label={t('coverage.endsOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) =>
                (target !== null && d.isBefore(dayjs(target.startsOn), 'day')) || Boolean(notAfterToday && d.isAfter(dayjs(), 'day'))
              }
              data-testid={`${testId}-date`}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
