import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '@youshe/shared';
import { useOrgScope } from '../../app/org-scope';
import { orgKeys, orgsApi } from './orgs.api';
import { useOrgForest, type OrgLevel } from './use-org-forest';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, for before its branch of the tree has been loaded. */
  valueLabel?: string | null;
  /** Units that cannot be chosen (e.g. the unit being moved). */
  disabledIds?: readonly string[];
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
}

interface Node {
  value: string;
  title: React.ReactNode;
  label: string;
  isLeaf: boolean;
  disabled?: boolean;
  children?: Node[];
}

function toNodes(level: OrgLevel, childrenOf: Map<string, OrgLevel>, disabled: readonly string[], kindLabel: (o: Org) => string): Node[] {
  return level.items.map((org) => {
    const loaded = childrenOf.get(org.id);
    return {
      value: org.id,
      label: org.name,
      title: (
        <span>
          {org.name} <span className="org-kind-hint">· {kindLabel(org)}</span>
        </span>
      ),
      isLeaf: org.childCount === 0,
      disabled: disabled.includes(org.id) || Boolean(org.archivedAt),
      children: loaded ? toNodes(loaded, childrenOf, disabled, kindLabel) : undefined,
    };
  });
}

/**
 * Picks a unit inside the chosen scope: browse the tree level by level, or type to search the
 * server (search results are shown flat).
 */
const NONE: readonly string[] = [];

export function OrgTreeSelect({ value, onChange, valueLabel, disabledIds = NONE, placeholder, allowClear, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { orgId: scopeOrgId } = useOrgScope();
  const { roots, childrenOf, open } = useOrgForest(scopeOrgId, false);
  const [term, setTerm] = useState('');
  // The name of the unit last picked: a search result's name is gone once the search box clears.
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const q = term.trim();
  const search = useQuery({ queryKey: orgKeys.search(q, false), queryFn: () => orgsApi.search(q, false), enabled: q.length > 0 });
  const kindLabel = useCallback((o: Org) => t(`orgKind.${o.kind}`), [t]);

  const treeData = useMemo(() => {
    if (q)
      return search.data
        ? toNodes({ ...search.data, items: search.data.items.map((o) => ({ ...o, childCount: 0 })) }, new Map(), disabledIds, kindLabel)
        : [];
    return roots.data ? toNodes(roots.data, childrenOf, disabledIds, kindLabel) : [];
  }, [q, search.data, roots.data, childrenOf, disabledIds, kindLabel]);

  const known = useMemo(() => {
    const all = [...(roots.data?.items ?? []), ...[...childrenOf.values()].flatMap((l) => l.items), ...(search.data?.items ?? [])];
    return all.find((o) => o.id === value)?.name ?? (picked && picked.id === value ? picked.name : undefined);
  }, [roots.data, childrenOf, search.data, value, picked]);

  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      {...rest}
      style={style ?? { width: '100%' }}
      labelInValue
      value={value ? { value, label: known ?? valueLabel ?? value } : undefined}
      onChange={(v) => {
        if (v && typeof v.label === 'string') setPicked({ id: v.value, name: v.label });
        onChange?.(v?.value ?? null);
      }}
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={(node) => (q ? Promise.resolve() : open(String(node.value)))}
      showSearch={{ searchValue: term, onSearch: setTerm, filterTreeNode: false }}
      placeholder={placeholder ?? t('orgs.pick')}
      allowClear={allowClear}
      loading={roots.isPending || search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgs.noResults') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 280 } } }}
    />
  );
}
