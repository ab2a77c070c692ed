import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, List, Skeleton, Switch, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '@youshe/shared';
import { errorText } from '../../app/api';
import { OrgTitle } from './OrgTitle';
import { orgKeys, orgsApi } from './orgs.api';
import { useOrgForest, type OrgLevel } from './use-org-forest';

interface Props {
  scopeOrgId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  includeArchived: boolean;
  onIncludeArchivedChange: (value: boolean) => void;
}

function toNodes(level: OrgLevel, childrenOf: Map<string, OrgLevel>, moreLabel: (n: number) => string, parentKey: string): TreeDataNode[] {
  const nodes: TreeDataNode[] = level.items.map((org: Org) => {
    const loaded = childrenOf.get(org.id);
    return {
      key: org.id,
      title: <OrgTitle org={org} />,
      isLeaf: org.childCount === 0 && !(loaded && loaded.items.length > 0),
      children: loaded ? toNodes(loaded, childrenOf, moreLabel, org.id) : undefined,
    };
  });
  const hidden = level.total - level.items.length;
  if (hidden > 0) nodes.push({ key: `more:${parentKey}`, title: moreLabel(hidden), isLeaf: true, selectable: false, disabled: true });
  return nodes;
}

/** The organisation tree, loaded level by level, with a search that replaces it while a term is entered. */
export function OrgTreePanel({ scopeOrgId, selectedId, onSelect, includeArchived, onIncludeArchivedChange }: Props) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = term.trim();
  const { roots, childrenOf, open } = useOrgForest(scopeOrgId, includeArchived);
  const [expanded, setExpanded] = useState<string[]>([]);

  // A single top unit (someone granted one subtree) opens by itself.
  const onlyRoot = roots.data?.items.length === 1 ? roots.data.items[0] : undefined;
  useEffect(() => {
    if (onlyRoot && onlyRoot.childCount > 0) {
      void open(onlyRoot.id).then(() => setExpanded((keys) => (keys.includes(onlyRoot.id) ? keys : [...keys, onlyRoot.id])));
    }
  }, [onlyRoot, open]);

  // When a unit is chosen elsewhere (search, breadcrumb), open the tree down to it.
  const selected = useQuery({
    queryKey: orgKeys.detail(selectedId ?? ''),
    queryFn: () => orgsApi.get(selectedId!),
    enabled: selectedId !== null,
  });
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    const org = selected.data;
    const path = org?.ancestors.map((a) => a.id) ?? [];
    const where = org ? `${org.id}@${path.join('/')}` : null;
    if (!org || revealed.current === where) return;
    revealed.current = where;
    const start = scopeOrgId ? path.indexOf(scopeOrgId) : 0;
    if (start < 0) return;
    const toOpen = path.slice(start);
    void (async () => {
      for (const id of toOpen) await open(id).catch(() => undefined);
      setExpanded((keys) => [...new Set([...keys, ...toOpen])]);
    })();
  }, [selected.data, scopeOrgId, open]);

  const search = useQuery({
    queryKey: orgKeys.search(q, includeArchived),
    queryFn: () => orgsApi.search(q, includeArchived),
    enabled: q.length > 0,
  });

  const treeData = useMemo(
    () => (roots.data ? toNodes(roots.data, childrenOf, (n) => t('orgs.moreChildren', { count: n }), 'root') : []),
    [roots.data, childrenOf, t],
  );

  return (
    <Card
      title={t('orgs.treeTitle')}
      size="small"
      extra={
        <label className="inline-switch">
          <Switch size="small" checked={includeArchived} onChange={onIncludeArchivedChange} data-testid="org-show-archived" />
          <span>{t('orgs.showArchived')}</span>
        </label>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        aria-label={t('orgs.search')}
        onSearch={(value) => setTerm(value)}
        onChange={(e) => {
          if (!e.target.value) setTerm('');
        }}
        maxLength={64}
        style={{ marginBottom: 12 }}
        data-testid="org-search"
      />
      {q ? (
        <section aria-label={t('orgs.searchResults')}>
          {search.isError && <Alert type="error" showIcon title={errorText(search.error)} />}
          <List
            size="small"
            loading={search.isFetching}
            dataSource={search.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noResults')} /> }}
            renderItem={(org) => (
              <List.Item>
                <Button
                  type={org.id === selectedId ? 'primary' : 'text'}
                  ghost={org.id === selectedId}
                  block
                  style={{ textAlign: 'start' }}
                  onClick={() => onSelect(org.id)}
                >
                  <OrgTitle org={org} showKind />
                </Button>
              </List.Item>
            )}
          />
          {search.data && search.data.total > search.data.items.length && (
            <p className="org-kind-hint">{t('orgs.moreResults', { count: search.data.total - search.data.items.length })}</p>
          )}
        </section>
      ) : (
        <div className="org-tree-scroll" data-testid="org-tree">
          {roots.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {roots.isError && <Alert type="error" showIcon title={errorText(roots.error)} />}
          {roots.data && roots.data.items.length === 0 && <Empty description={t('orgs.empty')} />}
          {roots.data && roots.data.items.length > 0 && (
            <Tree
              showLine
              blockNode
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              loadData={(node) => open(String(node.key))}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) onSelect(String(key));
              }}
              aria-label={t('orgs.treeTitle')}
            />
          )}
        </div>
      )}
    </Card>
  );
}
