import { useRef, useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { Partnership } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/api';
import { partnershipKeys, partnershipsApi } from './partnerships.api';

const ACCEPT = 'application/pdf,image/jpeg,image/png';

/** The signed agreement: its file to download, and for its keepers a way to attach, replace or remove it. */
export function AgreementFile({ partnership, canWrite }: { partnership: Partnership; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const file = partnership.agreementFile;
  const settle = (p: Partnership) => client.setQueryData(partnershipKeys.detail(p.id), p);

  const attach = useMutation({
    mutationFn: (f: File) => partnershipsApi.attachAgreement(partnership.id, f),
    onMutate: () => setRefusal(null),
    onSuccess: (p) => {
      settle(p);
      void message.success(t('partnerships.agreementAttached'));
    },
    onError: (e) => setRefusal(problemText(e)),
  });
  const remove = useMutation({
    mutationFn: () => partnershipsApi.removeAgreement(partnership.id),
    onSuccess: settle,
    onError: (e) => void message.error(problemText(e)),
  });
  const download = useMutation({
    mutationFn: () => partnershipsApi.downloadAgreement(partnership.id, file?.name ?? 'agreement'),
    onError: (e) => void message.error(problemText(e)),
  });

  return (
    <Space direction="vertical" size={4} data-testid="agreement-file">
      <Space wrap>
        {file ? (
          <Button
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() => download.mutate()}
            loading={download.isPending}
            style={{ padding: 0 }}
          >
            {file.name}（{(file.bytes / 1024).toFixed(0)} KB）
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('partnerships.noAgreementFile')}</Typography.Text>
        )}
        {canWrite && (
          <>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              hidden
              data-testid="agreement-input"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = '';
                if (picked) attach.mutate(picked);
              }}
            />
            <Button size="small" icon={<UploadOutlined />} loading={attach.isPending} onClick={() => input.current?.click()}>
              {file ? t('partnerships.replaceAgreement') : t('partnerships.attachAgreement')}
            </Button>
            {file && (
              <Popconfirm title={t('partnerships.confirmRemoveAgreement')} onConfirm={() => remove.mutate()}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('partnerships.removeAgreement')} />
              </Popconfirm>
            )}
          </>
        )}
      </Space>
      {refusal && (
        <Typography.Text type="danger" role="alert">
          {refusal}
        </Typography.Text>
      )}
    </Space>
  );
}
