import { useRef } from 'react';
import { CopyOutlined, DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@youshe/shared';
import { posterUrl, publicLinks } from './activities.api';

interface LinkProps {
  title: string;
  hint: string;
  url: string;
  fileName: string;
  testId: string;
}

function LinkWithQr({ title, hint, url, fileName, testId }: LinkProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qrRef = useRef<HTMLDivElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('accounts.copied'));
    } catch {
      void message.warning(t('activities.copyFailed'));
    }
  };
  /** The code as a PNG, to print on a poster or send in a group chat. */
  const download = () => {
    const canvas = qrRef.current?.querySelector('canvas');
    if (!canvas) return;
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${fileName}.png`;
    a.click();
  };

  return (
    <div className="public-link">
      <div ref={qrRef}>
        <QRCode value={url} size={148} type="canvas" bordered={false} role="img" aria-label={t('activities.qrOf', { what: title })} />
      </div>
      <div className="public-link-text">
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        <Typography.Link href={url} target="_blank" rel="noopener noreferrer" data-testid={testId} className="public-link-url">
          {url}
          <span className="sr-only">{t('common.opensInNewTab')}</span>
        </Typography.Link>
        <Space wrap>
          <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('activities.copyLink')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={download}>
            {t('activities.downloadQr')}
          </Button>
        </Space>
      </div>
    </div>
  );
}

/** The resident-facing addresses of a published activity: sign-up, and self check-in for the poster at the door. */
export function PublicLinks({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const links = publicLinks(activity.publicToken);
  const open = activity.status === 'published' || activity.status === 'in_progress';
  return (
    <Card
      size="small"
      title={t('activities.publicLinks')}
      data-testid="activity-public-links"
      extra={
        activity.status !== 'draft' && (
          <Typography.Link href={posterUrl(activity.id)} target="_blank" rel="noopener noreferrer" data-testid="activity-poster">
            <FilePdfOutlined aria-hidden /> {t('activities.posterPdf')}
            <span className="sr-only">{t('common.opensInNewTab')}</span>
          </Typography.Link>
        )
      }
    >
      {activity.status === 'draft' ? (
        <Typography.Text type="secondary">{t('activities.publishForLink')}</Typography.Text>
      ) : (
        <div className="public-links">
          <LinkWithQr
            title={t('activities.signupLink')}
            hint={open ? t('activities.signupLinkHint') : t('activities.linkClosedHint')}
            url={links.signup}
            fileName={`${activity.title}-${t('activities.signupLink')}`}
            testId="activity-public-link"
          />
          <LinkWithQr
            title={t('activities.checkinLink')}
            hint={t('activities.checkinLinkHint')}
            url={links.checkin}
            fileName={`${activity.title}-${t('activities.checkinLink')}`}
            testId="activity-checkin-link"
          />
        </div>
      )}
    </Card>
  );
}
