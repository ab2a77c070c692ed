import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgScope } from '../../app/org-scope';
import { placesApi } from '../places/places.api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, for before a search has found it. */
  valueLabel?: string | null;
}

/** Picks one of the places (stations, outlets) in scope, by name. */
export function PlaceSelect({ value, onChange, valueLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const { orgId } = useOrgScope();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const filters = { orgId, q: q || undefined, page: 1, pageSize: 50 };
  const places = useQuery({ queryKey: ['places', 'pick', filters], queryFn: () => placesApi.list(filters) });
  const options = useMemo(() => {
    const items = (places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
    if (value && !items.some((o) => o.value === value)) items.unshift({ value, label: valueLabel ?? value });
    return items;
  }, [places.data, value, valueLabel]);
  return (
    <Select<string>
      {...rest}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
      loading={places.isFetching}
      placeholder={t('activities.placePick')}
      notFoundContent={t('activities.noPlaces')}
    />
  );
}
