import { useState } from 'react';
import { EditOutlined, InboxOutlined, PlusOutlined, SolutionOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, phoneSchema, type Person, type PersonKind } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { MaskedField } from './MaskedField';
import { PersonAppointmentsDrawer } from './PersonAppointmentsDrawer';
import { PersonFormDrawer } from './PersonFormDrawer';
import { peopleApi, peopleKeys, type PeopleFilters } from './people.api';

const KIND_COLORS: Record<PersonKind, string> = { party_member: 'red', volunteer: 'geekblue', resident: 'default', cadre: 'purple' };

export default function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.people'));
  const me = useSignedIn();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  // On phones pinned columns would leave no room for the rest: everything scrolls together.
  const pinColumns = Grid.useBreakpoint().md !== false;
  const [q, setQ] = useState('');
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [kind, setKind] = useState<PersonKind | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const { paging, firstPage, pagination } = usePaging();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [appointmentsOf, setAppointmentsOf] = useState<Person | null>(null);
  const canWrite = hasPermission(me, 'person.write');
  const canReveal = hasPermission(me, 'person.reveal');

  const filters: PeopleFilters = { orgId, q: q.trim() || undefined, phone: phone || undefined, kind, includeArchived, ...paging };
  const list = useQuery({ queryKey: peopleKeys.list(filters), queryFn: () => peopleApi.list(filters), placeholderData: keepPreviousData });

  const searchPhone = (value: string) => {
    const v = value.trim();
    if (v && !phoneSchema.safeParse(v).success) {
      setPhoneError(t('people.phoneFilterInvalid'));
      return;
    }
    setPhoneError(null);
    setPhone(v);
    firstPage();
  };

  const archive = useMutation({
    mutationFn: ({ person, archived }: { person: Person; archived: boolean }) =>
      archived ? peopleApi.archive(person.id) : peopleApi.restore(person.id),
    onSuccess: (_d, { archived }) => {
      void message.success(archived ? t('people.archived') : t('people.restored'));
      void client.invalidateQueries({ queryKey: peopleKeys.all });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const masked = (p: Person, field: 'phone' | 'idNumber' | 'address') => (
    <MaskedField personId={p.id} personName={p.name} field={field} masked={p[`${field}Masked`]} canReveal={canReveal} />
  );

  return (
    <>
      <PageHeader title={t('nav.people')}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="person-create">
            {t('people.create')}
          </Button>
        )}
      </PageHeader>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Input.Search
          allowClear
          placeholder={t('people.searchName')}
          aria-label={t('people.searchName')}
          onSearch={(v) => {
            setQ(v);
            firstPage();
          }}
          maxLength={32}
          style={{ width: 200 }}
          data-testid="people-search-name"
        />
        <div className="filter-with-error">
          <Input.Search
            status={phoneError ? 'error' : undefined}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? 'people-phone-error' : undefined}
            allowClear
            placeholder={t('people.searchPhone')}
            aria-label={t('people.searchPhone')}
            inputMode="numeric"
            maxLength={11}
            onSearch={searchPhone}
            onChange={(e) => {
              if (!e.target.value) searchPhone('');
            }}
            style={{ width: 210 }}
            data-testid="people-search-phone"
          />
          {phoneError && (
            <div id="people-phone-error" className="field-error" role="alert">
              {phoneError}
            </div>
          )}
        </div>
        <Select<PersonKind>
          allowClear
          placeholder={t('people.kinds')}
          aria-label={t('people.kinds')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            firstPage();
          }}
          options={PERSON_KINDS.map((k) => ({ value: k, label: t(`personKind.${k}`) }))}
          style={{ width: 150 }}
          data-testid="people-kind-filter"
        />
        <label className="inline-switch">
          <Switch
            size="small"
            checked={includeArchived}
            onChange={(v) => {
              setIncludeArchived(v);
              firstPage();
            }}
          />
          <span>{t('common.showArchived')}</span>
        </label>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <div data-testid="people-table">
        <Table<Person>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1700 }}
          rowClassName={(p) => (p.archivedAt ? 'row-archived' : '')}
          pagination={pagination(list.data?.total, [20, 50, 100])}
          columns={[
            {
              key: 'name',
              title: t('people.name'),
              fixed: pinColumns ? 'left' : undefined,
              width: 120,
              render: (_v, p) => (
                <span>
                  {p.name}
                  {p.archivedAt && (
                    <Tag variant="outlined" style={{ marginInlineStart: 6 }}>
                      {t('common.archived')}
                    </Tag>
                  )}
                </span>
              ),
            },
            { key: 'gender', title: t('people.gender'), width: 80, render: (_v, p) => (p.gender ? t(`gender.${p.gender}`) : '—') },
            {
              key: 'kinds',
              title: t('people.kinds'),
              width: 150,
              render: (_v, p) =>
                p.kinds.map((k) => (
                  <Tag key={k} color={KIND_COLORS[k]}>
                    {t(`personKind.${k}`)}
                  </Tag>
                )),
            },
            { key: 'org', title: t('people.org'), dataIndex: 'orgName', width: 220 },
            { key: 'phone', title: t('people.phone'), width: 200, render: (_v, p) => masked(p, 'phone') },
            { key: 'idNumber', title: t('people.idNumber'), width: 260, render: (_v, p) => masked(p, 'idNumber') },
            { key: 'address', title: t('people.address'), width: 280, render: (_v, p) => masked(p, 'address') },
            { key: 'branch', title: t('people.partyBranch'), width: 200, render: (_v, p) => p.partyBranchName ?? '—' },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: pinColumns ? ('right' as const) : undefined,
                    width: 270,
                    render: (_v: unknown, p: Person) => (
                      <Space size={4} wrap>
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(p)}
                          data-testid={`person-edit-${p.id}`}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="small"
                          type="link"
                          icon={<SolutionOutlined />}
                          onClick={() => setAppointmentsOf(p)}
                          data-testid={`person-appointments-${p.id}`}
                        >
                          {t('coverage.appointmentsShort')}
                        </Button>
                        {p.archivedAt ? (
                          <Button
                            size="small"
                            type="link"
                            icon={<UndoOutlined />}
                            onClick={() => archive.mutate({ person: p, archived: false })}
                          >
                            {t('people.restore')}
                          </Button>
                        ) : (
                          <Popconfirm
                            title={t('people.archiveConfirm', { name: p.name })}
                            okText={t('people.archive')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => archive.mutateAsync({ person: p, archived: true }).catch(() => undefined)}
                          >
                            <Button size="small" type="link" icon={<InboxOutlined />}>
                              {t('people.archive')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <PersonFormDrawer target={editing} onClose={() => setEditing(null)} />
      <PersonAppointmentsDrawer person={appointmentsOf} onClose={() => setAppointmentsOf(null)} />
    </>
  );
}
