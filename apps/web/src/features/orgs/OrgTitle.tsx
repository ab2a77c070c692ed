import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '@youshe/shared';

/** A unit's name as trees and lists show it: archived units greyed and tagged. */
export function OrgTitle({ org, showKind = false }: { org: Pick<Org, 'name' | 'kind' | 'archivedAt'>; showKind?: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      <span className={org.archivedAt ? 'org-node-archived' : undefined}>{org.name}</span>
      {showKind && <span className="org-kind-hint"> · {t(`orgKind.${org.kind}`)}</span>}
      {org.archivedAt && (
        <Tag style={{ marginInlineStart: 6 }} variant="outlined">
          {t('common.archived')}
        </Tag>
      )}
    </span>
  );
}
