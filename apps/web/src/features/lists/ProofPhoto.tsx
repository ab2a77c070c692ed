import { useRef } from 'react';
import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Image, Space, Typography } from 'antd';
import type { Project } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/api';
import { ALL_LIST_KEYS, listsApi, proofPhotoUrl } from './lists.api';

/** A photo of the help given, taken on the phone at the door: proof enough to report the project done. */
export function ProofPhoto({ project, attached, onAttached }: { project: Project; attached: boolean; onAttached: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => listsApi.attachProofPhoto(project.id, file),
    onSuccess: () => {
      onAttached();
      for (const key of ALL_LIST_KEYS) void client.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Form.Item
      label={t('lists.proofPhoto')}
      help={upload.isError ? problemText(upload.error) : undefined}
      validateStatus={upload.isError ? 'error' : undefined}
    >
      <Space align="center">
        {attached && (
          // A new query string after each upload, so the replaced photo is not served from the cache.
          <Image
            width={72}
            src={`${proofPhotoUrl(project.id, 'thumb')}&v=${upload.submittedAt}`}
            alt={t('lists.proofPhoto')}
            preview={{ src: proofPhotoUrl(project.id, 'full') }}
          />
        )}
        <input
          ref={input}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid="proof-photo-input"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            e.target.value = '';
            if (picked) upload.mutate(picked);
          }}
        />
        <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
          {attached ? t('lists.replaceProofPhoto') : t('lists.addProofPhoto')}
        </Button>
        {attached && <Typography.Text type="success">{t('lists.proofPhotoAttached')}</Typography.Text>}
      </Space>
    </Form.Item>
  );
}
