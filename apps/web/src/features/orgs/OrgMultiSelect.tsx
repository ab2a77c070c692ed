import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgKeys, orgsApi } from './orgs.api';

export interface OrgRef {
  id: string;
  name: string;
}

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Units to offer before anything is typed, and names for ids already chosen (e.g. partners of one's agreements). */
  known?: readonly OrgRef[];
  /** Units that cannot be chosen (the organising unit itself). */
  excludeIds?: readonly string[];
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Picks several units: type to search the units the caller may see, or pick one of the known
 * partners. Co-organisers and agreement members may sit outside the caller's own tree (a police
 * station, a community): until the server has a directory of such units, those come from `known`.
 */
export function OrgMultiSelect({ value, onChange, known = [], excludeIds = [], placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const search = useQuery({ queryKey: orgKeys.search(q, false), queryFn: () => orgsApi.search(q, false), enabled: q.length > 0 });

  // Names of units picked from earlier searches: a search's results are gone once the box clears.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());

  const options = useMemo(() => {
    const byId = new Map<string, string>(picked);
    for (const o of known) byId.set(o.id, o.name);
    for (const o of search.data?.items ?? []) byId.set(o.id, o.name);
    const excluded = new Set(excludeIds);
    const chosen = new Set(value ?? []);
    const all = [...byId].filter(([id]) => !excluded.has(id) || chosen.has(id)).map(([id, name]) => ({ value: id, label: name }));
    if (!q) return all;
    const found = new Set((search.data?.items ?? []).map((o) => o.id));
    // While searching: what the server found, known partners whose names match, and what is chosen.
    return all.filter((o) => found.has(o.value) || o.label.includes(q) || chosen.has(o.value));
  }, [known, picked, search.data, excludeIds, q, value]);

  return (
    <Select<string[]>
      {...rest}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        const names = new Map(picked);
        for (const o of search.data?.items ?? []) if (v.includes(o.id)) names.set(o.id, o.name);
        setPicked(names);
        onChange?.(v);
        setTerm('');
      }}
      options={options}
      showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
      placeholder={placeholder ?? t('orgs.pickMany')}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgs.noResults') : t('orgs.typeToSearch')}
      style={{ width: '100%' }}
    />
  );
}
