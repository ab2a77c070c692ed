import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgRef } from './OrgMultiSelect';
import { orgKeys, orgsApi } from './orgs.api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Units to offer before anything is typed (partner communities), and the name of a preset value. */
  known?: readonly OrgRef[];
  placeholder?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'data-testid'?: string;
}

/**
 * Picks one unit from the directory of every current unit, inside one's tree or not: the community
 * where a member serves as deputy secretary, the grid they lead.
 */
export function OrgDirectorySelect({ value, onChange, known = [], placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const search = useQuery({ queryKey: orgKeys.directory(q), queryFn: () => orgsApi.directory(q), enabled: q.length > 0 });
  // The unit last picked keeps its name once the search that found it is gone.
  const [picked, setPicked] = useState<OrgRef | null>(null);

  const options = useMemo(() => {
    const byId = new Map<string, OrgRef>();
    if (picked) byId.set(picked.id, picked);
    for (const o of q ? known.filter((k) => k.name.includes(q)) : known) byId.set(o.id, o);
    for (const o of search.data?.items ?? []) byId.set(o.id, o);
    return [...byId.values()].map((o) => ({ value: o.id, label: o.name, parentName: o.parentName ?? null }));
  }, [known, picked, search.data, q]);

  return (
    <Select<string, { value: string; label: string; parentName: string | null }>
      {...rest}
      value={value ?? undefined}
      onChange={(v, option) => {
        const chosen = option && !Array.isArray(option) ? option : null;
        setPicked(v && chosen ? { id: v, name: chosen.label, parentName: chosen.parentName } : null);
        onChange?.(v ?? null);
        setTerm('');
      }}
      allowClear
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.parentName && <span className="empty-text"> · {o.data.parentName}</span>}
        </span>
      )}
      showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
      placeholder={placeholder ?? t('orgs.pick')}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgs.noResults') : t('orgs.typeToSearch')}
      style={{ width: '100%' }}
    />
  );
}
