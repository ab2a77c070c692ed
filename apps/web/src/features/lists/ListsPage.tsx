import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { NeedsTab } from './NeedsTab';
import { ProjectsTab } from './ProjectsTab';
import { ResourcesTab } from './ResourcesTab';

const TABS = ['needs', 'resources', 'projects'] as const;
type Tab = (typeof TABS)[number];

/** 三张清单: needs, resources and the projects that join them (社区下单 → 党员接单). */
export default function ListsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.lists'));
  const me = useSignedIn();
  const canWrite = hasPermission(me, 'activity.write');
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'needs';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 8 }}>
        {t('nav.lists')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('lists.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'needs',
            label: <span data-testid="lists-tab-needs">{t('lists.needs')}</span>,
            children: <NeedsTab canWrite={canWrite} />,
          },
          {
            key: 'resources',
            label: <span data-testid="lists-tab-resources">{t('lists.resources')}</span>,
            children: <ResourcesTab canWrite={canWrite} />,
          },
          {
            key: 'projects',
            label: <span data-testid="lists-tab-projects">{t('lists.projects')}</span>,
            children: <ProjectsTab canWrite={canWrite} />,
          },
        ]}
      />
    </>
  );
}
