import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '@youshe/shared';

const COLORS: Record<ActivityStatus, string> = {
  draft: 'default',
  published: 'processing',
  in_progress: 'success',
  closed: 'purple',
  cancelled: 'error',
};

export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="activity-status" data-status={status}>
      {t(`activityStatus.${status}`)}
    </Tag>
  );
}
