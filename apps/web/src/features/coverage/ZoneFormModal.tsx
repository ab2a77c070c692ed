import { Checkbox, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ZONE_ROLES } from '@youshe/shared';
import { FormModal } from '../lists/FormModal';
import { PersonPicker } from '../people/PersonPicker';
import { COVERAGE_KEYS, coverageApi, type CoverageItem } from './coverage.api';

interface Values {
  personId: string;
  roles: (typeof ZONE_ROLES)[number][];
  startsOn: Dayjs;
}

/** 党员责任区: a party member takes on an outlet that has none, in the five roles (all of them unless fewer are ticked). */
export function ZoneFormModal({ outlet, onClose }: { outlet: CoverageItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      open={outlet !== null}
      title={t('coverage.assignTitle', { outlet: outlet?.placeName ?? '' })}
      fields={['personId', 'roles', 'startsOn']}
      initial={{ roles: [...ZONE_ROLES], startsOn: dayjs() }}
      submit={(v) =>
        coverageApi.createZone({
          placeId: outlet!.placeId,
          personId: v.personId,
          roles: v.roles,
          startsOn: v.startsOn.format('YYYY-MM-DD'),
        })
      }
      onClose={onClose}
      invalidate={COVERAGE_KEYS}
      testId="zone-form"
    >
      {() => (
        <>
          {outlet && (
            <Typography.Paragraph type="secondary">
              {outlet.placeName} · {outlet.orgName}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="personId"
            label={t('coverage.member')}
            extra={t('coverage.memberHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <PersonPicker kind="party_member" placeholder={t('coverage.pickMember')} data-testid="zone-person" />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('coverage.roles')}
            rules={[
              {
                validator: async (_r, value: string[] | undefined) => {
                  if (!value?.length) throw new Error(t('coverage.rolesRequired'));
                },
              },
            ]}
          >
            <Checkbox.Group options={ZONE_ROLES.map((r) => ({ value: r, label: t(`zoneRole.${r}`) }))} data-testid="zone-roles" />
          </Form.Item>
          <Form.Item name="startsOn" label={t('coverage.since')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="zone-starts" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
