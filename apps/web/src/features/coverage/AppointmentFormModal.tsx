import { useQuery } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../lists/FormModal';
import { listKeys, listsApi } from '../lists/lists.api';
import { OrgDirectorySelect, type OrgRef } from '../orgs/OrgDirectorySelect';
import { PersonPicker } from '../people/PersonPicker';
import { COVERAGE_KEYS, coverageApi } from './coverage.api';

interface Values {
  personId: string;
  orgId: string;
  post: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}

/** Posts the articles name; anything else may be typed. */
const COMMON_POSTS = ['社区党支部副书记', '社区党委委员', '网格长', '网格员', '共建联络员'];

export interface AppointmentPreset {
  /** The person, when the form opens from their record. */
  person?: { id: string; name: string };
  /** The host unit, when the form opens from a community's page. */
  host?: OrgRef;
}

/** 交叉任职: a person takes a post in another organisation for a period (a station head as the community's deputy secretary). */
export function AppointmentFormModal({ preset, onClose }: { preset: AppointmentPreset | null; onClose: () => void }) {
  const { t } = useTranslation();
  // Paired communities are the usual hosts: offered before anything is typed.
  const partners = useQuery({
    queryKey: listKeys.partnerCommunities,
    queryFn: listsApi.partnerCommunities,
    enabled: preset !== null,
    retry: false,
  });
  const known = [...(preset?.host ? [preset.host] : []), ...(partners.data?.items ?? [])];
  return (
    <FormModal<Values>
      open={preset !== null}
      title={preset?.person ? t('coverage.appointTitle', { name: preset.person.name }) : t('coverage.appoint')}
      fields={['personId', 'orgId', 'post', 'startsOn', 'endsOn']}
      initial={{ personId: preset?.person?.id, orgId: preset?.host?.id, startsOn: dayjs() }}
      submit={(v) =>
        coverageApi.createAppointment({
          personId: v.personId,
          orgId: v.orgId,
          post: v.post.trim(),
          startsOn: v.startsOn.format('YYYY-MM-DD'),
          endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
        })
      }
      onClose={onClose}
      invalidate={COVERAGE_KEYS}
      testId="appointment-form"
    >
      {() => (
        <>
          {preset?.person ? (
            <>
              <Form.Item label={t('coverage.person')}>
                <Input value={preset.person.name} disabled aria-label={t('coverage.person')} />
              </Form.Item>
              <Form.Item name="personId" hidden>
                <Input />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="personId" label={t('coverage.person')} rules={[{ required: true, message: t('validation.required') }]}>
              <PersonPicker data-testid="appointment-person" />
            </Form.Item>
          )}
          <Form.Item
            name="orgId"
            label={t('coverage.hostOrg')}
            extra={t('coverage.hostHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <OrgDirectorySelect known={known} placeholder={t('coverage.pickHost')} data-testid="appointment-host" />
          </Form.Item>
          <Form.Item
            name="post"
            label={t('coverage.post')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <AutoComplete options={COMMON_POSTS.map((p) => ({ value: p }))} filterOption={(input, o) => String(o?.value).includes(input)}>
              <Input maxLength={40} data-testid="appointment-post" />
            </AutoComplete>
          </Form.Item>
          <Form.Item name="startsOn" label={t('coverage.since')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="appointment-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('coverage.until')} extra={t('coverage.untilHint')}>
            <DatePicker style={{ width: '100%' }} data-testid="appointment-ends" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
