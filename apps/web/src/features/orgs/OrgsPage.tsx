import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { useOrgScope } from '../../app/org-scope';
import { hasRole, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgTreePanel } from './OrgTreePanel';
import type { OrgDetail } from '@youshe/shared';

export default function OrgsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.orgs'));
  const me = useSignedIn();
  const { orgId: scopeOrgId } = useOrgScope();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org') ?? scopeOrgId;
  const [includeArchived, setIncludeArchived] = useState(false);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgDetail | null>(null);

  const select = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('org', id);
        else p.delete('org');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('nav.orgs')}>
        {hasRole(me, ['platform_admin']) && scopeOrgId === null && (
          <Button icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })} data-testid="org-create-top">
            {t('orgs.createTop')}
          </Button>
        )}
      </PageHeader>
      <div className="orgs-layout">
        <OrgTreePanel
          key={scopeOrgId ?? '*'}
          scopeOrgId={scopeOrgId}
          selectedId={selectedId}
          onSelect={select}
          includeArchived={includeArchived}
          onIncludeArchivedChange={setIncludeArchived}
        />
        <OrgDetailPanel
          orgId={selectedId}
          onSelect={select}
          onCreateChild={(parent) => setFormTarget({ mode: 'create', parent })}
          onEdit={(org) => setFormTarget({ mode: 'edit', org })}
          onMove={setMoving}
        />
      </div>
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(org) => {
          setFormTarget(null);
          select(org.id);
        }}
      />
      <MoveOrgModal
        org={moving}
        onClose={() => setMoving(null)}
        onMoved={(org) => {
          setMoving(null);
          select(org.id);
        }}
      />
    </>
  );
}
