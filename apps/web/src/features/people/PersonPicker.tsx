import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonKind } from '@youshe/shared';
import { useOrgScope } from '../../app/org-scope';
import { peopleApi, peopleKeys, type PeopleFilters } from './people.api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only people of this kind (party members for a zone); then the first of them are offered before anything is typed. */
  kind?: PersonKind;
  placeholder?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'data-testid'?: string;
}

interface Option {
  value: string;
  label: string;
}

/** Picks one person of the chosen scope by name, each shown with their unit to tell namesakes apart. */
export function PersonPicker({ value, onChange, kind, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { orgId } = useOrgScope();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  // Ask the server once typing pauses, not for every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(term.trim()), 300);
    return () => clearTimeout(timer);
  }, [term]);
  const filters: PeopleFilters = { orgId, q: q || undefined, kind, page: 1, pageSize: 30 };
  const people = useQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: () => peopleApi.list(filters),
    enabled: q.length > 0 || kind !== undefined,
    placeholderData: keepPreviousData,
  });
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
      placeholder={placeholder ?? t('people.pickPerson')}
      loading={people.isFetching}
      notFoundContent={(q || kind) && !people.isFetching ? t('people.pickNone') : null}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
