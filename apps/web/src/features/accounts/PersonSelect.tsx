import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgScope } from '../../app/org-scope';
import { peopleApi, peopleKeys, type PeopleFilters } from '../people/people.api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface Option {
  value: string;
  label: string;
}

/** Finds a person in the chosen scope by name, to link an account to. */
export function PersonSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const { orgId } = useOrgScope();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  // Ask the server once typing pauses, not for every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(term.trim()), 300);
    return () => clearTimeout(timer);
  }, [term]);
  const filters: PeopleFilters = { orgId, q, page: 1, pageSize: 20 };
  const people = useQuery({ queryKey: peopleKeys.list(filters), queryFn: () => peopleApi.list(filters), enabled: q.length > 0 });
  // The chosen person stays labelled after the search that found them is cleared.
  const [chosen, setChosen] = useState<Option | null>(null);
  const found: Option[] = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.orgName}` }));
  const options = chosen && chosen.value === value && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <Select<string>
      {...rest}
      value={value ?? undefined}
      onChange={(v, option) => {
        setChosen(v && option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTerm }}
      placeholder={t('accounts.personPick')}
      loading={people.isFetching}
      notFoundContent={q && !people.isFetching ? t('accounts.personNone') : null}
      options={options}
      data-testid="account-person"
    />
  );
}
