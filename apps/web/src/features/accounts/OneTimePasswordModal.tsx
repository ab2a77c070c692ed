import { useRef } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OneTimePassword {
  login: string;
  password: string;
  /** Reset rather than new: the old password and sessions are gone. */
  reset: boolean;
}

/** Selects the element's text, so that a failed copy still leaves it ready for Ctrl+C / long-press. */
function selectText(el: HTMLElement) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

async function copyText(text: string, el: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, no focus): fall back to selecting the text.
  }
  if (!el) return false;
  selectText(el);
  try {
    // The only way to copy on plain-HTTP intranet deployments, where the Clipboard API is missing.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * Shows a one-time password the server hands out once. It cannot be shown again, so the dialog does
 * not close on a stray click or Escape: only on the explicit “noted” button.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const textRef = useRef<HTMLElement>(null);

  return (
    <Modal
      open={value !== null}
      title={
        value?.reset
          ? t('accounts.passwordResetTitle', { login: value.login })
          : t('accounts.passwordCreatedTitle', { login: value?.login })
      }
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="account-password-done">
          {t('accounts.passwordNoted')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('accounts.passwordIntro', { login: value?.login })}</Typography.Paragraph>
      <Space wrap align="center" style={{ marginBottom: 16 }}>
        <span>
          {t('accounts.passwordLabel')}
          <code ref={textRef} className="one-time-password" data-testid="account-password">
            {value?.password}
          </code>
        </span>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void copyText(value?.password ?? '', textRef.current).then((ok) =>
              ok ? void message.success(t('accounts.copied')) : void message.warning(t('accounts.copyFailed')),
            )
          }
          data-testid="account-password-copy"
        >
          {t('accounts.copy')}
        </Button>
      </Space>
      <Alert type="warning" showIcon title={t('accounts.passwordOnce')} description={t('accounts.passwordMustChange')} />
    </Modal>
  );
}
