import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '@youshe/shared';
import { orgKeys, orgsApi } from './orgs.api';

export interface OrgRef {
  id: string;
  name: string;
  /** The unit above, to tell two 东亭社区 apart. */
  parentName?: string | null;
}

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Units to offer before anything is typed, and names for ids already chosen (e.g. partners of one's agreements). */
  known?: readonly OrgRef[];
  /** Units that cannot be chosen (the organising unit itself). */
  excludeIds?: readonly string[];
  /** Only units of this kind (e.g. communities). */
  kind?: OrgKind;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Picks several units: type to search the directory of every current unit (a police station, a
 * community outside one's own tree), or pick one of the known partners.
 */
export function OrgMultiSelect({ value, onChange, known = [], excludeIds = [], kind, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const search = useQuery({ queryKey: orgKeys.directory(q, kind), queryFn: () => orgsApi.directory(q, kind), enabled: q.length > 0 });

  // Units picked from earlier searches: a search's results are gone once the box clears.
  const [picked, setPicked] = useState<ReadonlyMap<string, OrgRef>>(new Map());

  const options = useMemo(() => {
    const byId = new Map<string, OrgRef>(picked);
    for (const o of known) if (!byId.has(o.id) || o.parentName) byId.set(o.id, o);
    for (const o of search.data?.items ?? []) byId.set(o.id, o);
    const excluded = new Set(excludeIds);
    const chosen = new Set(value ?? []);
    const all = [...byId.values()]
      .filter((o) => !excluded.has(o.id) || chosen.has(o.id))
      .map((o) => ({ value: o.id, label: o.name, parentName: o.parentName ?? null }));
    if (!q) return all;
    const found = new Set((search.data?.items ?? []).map((o) => o.id));
    // While searching: what the directory found, known partners whose names match, and what is chosen.
    return all.filter((o) => found.has(o.value) || o.label.includes(q) || chosen.has(o.value));
  }, [known, picked, search.data, excludeIds, q, value]);

  return (
    <Select<string[], { value: string; label: string; parentName: string | null }>
      {...rest}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        const refs = new Map(picked);
        for (const o of search.data?.items ?? []) if (v.includes(o.id)) refs.set(o.id, o);
        setPicked(refs);
        onChange?.(v);
        setTerm('');
      }}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.parentName && <span className="empty-text"> · {o.data.parentName}</span>}
        </span>
      )}
      showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
      placeholder={placeholder ?? t('orgs.pickMany')}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgs.noResults') : t('orgs.typeToSearch')}
      style={{ width: '100%' }}
    />
  );
}
