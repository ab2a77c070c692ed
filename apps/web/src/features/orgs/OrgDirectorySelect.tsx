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

interface OrgOption {
  value: string;
  label: string;
  parentName: string | null;
}

interface CommonProps {
  id?: string;
  /** Units to offer before anything is typed (partners, partner communities), and names for ids already chosen. */
  known?: readonly OrgRef[];
  /** Units that cannot be chosen (the organising unit itself). */
  excludeIds?: readonly string[];
  /** Only units of this kind (e.g. communities). */
  kind?: OrgKind;
  placeholder?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'data-testid'?: string;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/**
 * Picks one unit, or several with `multiple`, from the directory of every current unit, inside one's
 * tree or not (a police station, a community outside one's own tree, the grid a member leads): type
 * to search, or pick one of the known units.
 */
export function OrgDirectorySelect(props: SingleProps | MultipleProps) {
  // onChange is called through props, where `multiple` tells its two kinds apart.
  const { known = [], excludeIds = [], kind, placeholder, multiple, value, onChange: _onChange, ...rest } = props;
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const search = useQuery({ queryKey: orgKeys.directory(q, kind), queryFn: () => orgsApi.directory(q, kind), enabled: q.length > 0 });
  // Units picked from earlier searches: a search's results are gone once the box clears.
  const [picked, setPicked] = useState<ReadonlyMap<string, OrgRef>>(new Map());
  const chosenIds = useMemo(() => (Array.isArray(value) ? value : value ? [value] : []), [value]);

  const options = useMemo(() => {
    const byId = new Map<string, OrgRef>(picked);
    for (const o of known) if (!byId.has(o.id) || o.parentName) byId.set(o.id, o);
    for (const o of search.data?.items ?? []) byId.set(o.id, o);
    const excluded = new Set(excludeIds);
    const chosen = new Set(chosenIds);
    const all: OrgOption[] = [...byId.values()]
      .filter((o) => !excluded.has(o.id) || chosen.has(o.id))
      .map((o) => ({ value: o.id, label: o.name, parentName: o.parentName ?? null }));
    if (!q) return all;
    const found = new Set((search.data?.items ?? []).map((o) => o.id));
    // While searching: what the directory found, known units whose names match, and what is chosen.
    return all.filter((o) => found.has(o.value) || o.label.includes(q) || chosen.has(o.value));
  }, [known, picked, search.data, excludeIds, q, chosenIds]);

  const choose = (ids: string[]) => {
    // Several: every unit ever picked stays on offer. One: only the unit now chosen.
    const refs = new Map(multiple ? picked : []);
    for (const o of options) if (ids.includes(o.value)) refs.set(o.value, { id: o.value, name: o.label, parentName: o.parentName });
    setPicked(refs);
    if (props.multiple) props.onChange?.(ids);
    else props.onChange?.(ids[0] ?? null);
    setTerm('');
  };

  return (
    <Select<string | string[], OrgOption>
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      allowClear={!multiple}
      value={multiple ? chosenIds : (chosenIds[0] ?? undefined)}
      onChange={(v) => choose(Array.isArray(v) ? v : v ? [v] : [])}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.parentName && <span className="empty-text"> · {o.data.parentName}</span>}
        </span>
      )}
      showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
      placeholder={placeholder ?? t(multiple ? 'orgs.pickMany' : 'orgs.pick')}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgs.noResults') : t('orgs.typeToSearch')}
      style={{ width: '100%' }}
    />
  );
}
