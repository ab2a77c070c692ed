import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { hasPermission, useSignedIn } from '../../app/session';
import { AppointmentFormModal, type AppointmentPreset } from './AppointmentFormModal';
import { EndDateModal } from './EndDateModal';
import { coverageApi, coverageKeys, type Appointment, type AppointmentFilters } from './coverage.api';

interface Props {
  /** Appointments of people of this unit's subtree, or held in it. */
  orgId?: string | null;
  /** One person's appointments (their record). */
  person?: { id: string; name: string };
  /** The unit offered as host when adding from its page. */
  host?: AppointmentPreset['host'];
  /** A short hint above the table. */
  hint?: string;
}

/** 交叉任职: who holds a post in another organisation, seen from either side, with adding and ending where one keeps the person. */
export function AppointmentsList({ orgId = null, person, host, hint }: Props) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [currentOnly, setCurrentOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Appointment | null>(null);
  const filters: AppointmentFilters = { orgId, personId: person?.id, current: currentOnly };
  const list = useQuery({ queryKey: coverageKeys.appointments(filters), queryFn: () => coverageApi.appointments(filters) });
  const canAdd = hasPermission(me, 'person.write');

  return (
    <>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <div className="filter-bar">
        <label className="inline-switch">
          <Switch size="small" checked={currentOnly} onChange={setCurrentOnly} data-testid="appointments-current-only" />
          <span>{t('coverage.currentOnly')}</span>
        </label>
        <span style={{ flex: 1 }} />
        {canAdd && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="appointment-create">
            {t('coverage.appoint')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Appointment>
        size="small"
        rowKey="id"
        data-testid="appointments-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        // No sideways scrolling: in a person's drawer an empty scrolled table is a region keyboards cannot reach.
        onRow={(a) => ({ 'data-testid': `appointment-row-${a.id}`, 'data-current': a.current }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <span className="empty-text">{currentOnly ? t('coverage.noAppointments') : t('coverage.noAppointmentsAtAll')}</span>,
        }}
        columns={[
          {
            key: 'person',
            title: t('coverage.person'),
            render: (_v, a) => (
              <>
                <div>{a.personName}</div>
                <div className="empty-text">{a.personOrgName}</div>
              </>
            ),
          },
          { key: 'org', title: t('coverage.hostOrg'), dataIndex: 'orgName' },
          { key: 'post', title: t('coverage.post'), dataIndex: 'post' },
          {
            key: 'period',
            title: t('coverage.period'),
            render: (_v, a) => (
              <>
                {`${formatDate(a.startsOn)} – ${a.endsOn ? formatDate(a.endsOn) : t('coverage.ongoing')}`}
                {!a.current && (
                  <Tag variant="outlined" style={{ marginInlineStart: 6 }}>
                    {t('coverage.notCurrent')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_v, a) =>
              // Ended today still counts as serving today: the button goes once an end date is set.
              a.editable && (a.endsOn === null || a.endsOn > dayjs().format('YYYY-MM-DD')) ? (
                <Button size="small" type="link" onClick={() => setEnding(a)} data-testid={`appointment-end-${a.id}`}>
                  {t('coverage.end')}
                </Button>
              ) : null,
          },
        ]}
      />
      <AppointmentFormModal preset={adding ? { person, host } : null} onClose={() => setAdding(false)} />
      <EndDateModal
        target={
          ending && {
            title: t('coverage.endAppointment'),
            description: `${ending.personName} · ${ending.orgName} ${ending.post}`,
            startsOn: ending.startsOn,
          }
        }
        submit={(endsOn) => coverageApi.endAppointment(ending!.id, endsOn)}
        onClose={() => setEnding(null)}
        testId="appointment-end-form"
      />
    </>
  );
}
