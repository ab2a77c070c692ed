import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { CareVisit } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { errorText, problemText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { careApi, careKeys } from './care.api';

// Solid dark tags with white text, as in the alert inbox: the pale presets fall short of WCAG contrast.
const CONCERN_COLORS = { urgent: '#a8071a', needs_help: '#ad4e00', watch: '#614700' } as const;

/**
 * One recipient's visits, newest first, a page at a time. Notes and photos stay closed: each opens for one
 * visit on a click, and the server writes that look into the audit log.
 */
export function VisitHistory({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [notes, setNotes] = useState<Record<string, string | null>>({});
  const [photo, setPhoto] = useState<CareVisit | null>(null);
  const list = useQuery({
    queryKey: careKeys.visits(recipientId, paging),
    queryFn: () => careApi.visits(recipientId, paging),
    placeholderData: keepPreviousData,
  });
  const reveal = useMutation({
    mutationFn: (id: string) => careApi.visitNote(id).then((r) => ({ id, note: r.note })),
    onSuccess: ({ id, note }) => setNotes((n) => ({ ...n, [id]: note })),
    onError: (e) => void message.error(problemText(e)),
  });

  const checked = (v: CareVisit) => {
    if (!v.answers) return v.presence === 'visited' ? t('care.console.answersHidden') : '—';
    const entries = Object.entries(v.answers);
    if (!entries.length) return '—';
    const concerns = entries.filter(([, a]) => a === 'concern').map(([k]) => k);
    return (
      <Space size={4} wrap>
        <span>{t('care.console.itemsChecked', { count: entries.length })}</span>
        {concerns.map((k) => (
          <Tag key={k} color="#614700">
            {t(`care.items.${k}`, { defaultValue: k })}
          </Tag>
        ))}
      </Space>
    );
  };

  return (
    <>
      <Typography.Title level={3}>{t('care.console.historyTitle')}</Typography.Title>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<CareVisit>
        data-testid="care-visit-history"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        // antd's grey placeholder text falls short of WCAG contrast; the ordinary text colour does not.
        locale={{ emptyText: <span style={{ color: 'rgba(0, 0, 0, 0.75)' }}>{t('care.never')}</span> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { key: 'at', title: t('care.console.visitedAt'), width: 160, render: (_v, v) => formatDateTime(v.visitedAt) },
          { key: 'by', title: t('care.console.carrier'), width: 90, render: (_v, v) => v.volunteerName ?? '—' },
          { key: 'presence', title: t('care.console.presenceCol'), width: 150, render: (_v, v) => t(`care.presenceOptions.${v.presence}`) },
          { key: 'items', title: t('care.console.itemsCol'), width: 200, render: (_v, v) => checked(v) },
          {
            key: 'help',
            title: t('care.console.helpCol'),
            width: 170,
            render: (_v, v) => (v.helpGiven.length ? v.helpGiven.map((h) => t(`care.helpKinds.${h}`)).join('、') : '—'),
          },
          {
            key: 'concern',
            title: t('care.concern'),
            width: 100,
            render: (_v, v) =>
              v.concern === 'none' ? (
                t('care.concernLevels.none')
              ) : (
                <Tag color={CONCERN_COLORS[v.concern]}>{t(`care.concernLevels.${v.concern}`)}</Tag>
              ),
          },
          {
            key: 'evidence',
            title: t('care.console.evidenceCol'),
            width: 130,
            render: (_v, v) =>
              [
                v.confirmation === 'signature' || v.hasSignature ? t('care.console.signed') : null,
                v.confirmation === 'verbal' ? t('care.confirmOptions.verbal') : null,
                v.hasPhoto ? t('care.console.hasPhoto') : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            key: 'note',
            title: t('care.console.noteCol'),
            width: 220,
            render: (_v, v) => (
              <Space size={4} wrap>
                {v.id in notes ? (
                  <span data-testid={`care-note-${v.id}`}>{notes[v.id] ?? '—'}</span>
                ) : (
                  v.hasNote && (
                    <Button size="small" loading={reveal.isPending && reveal.variables === v.id} onClick={() => reveal.mutate(v.id)}>
                      {t('care.console.showNote')}
                    </Button>
                  )
                )}
                {v.hasPhoto && (
                  <Button size="small" onClick={() => setPhoto(v)}>
                    {t('care.console.showPhoto')}
                  </Button>
                )}
                {!v.hasNote && !v.hasPhoto && '—'}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={photo !== null}
        footer={null}
        onCancel={() => setPhoto(null)}
        title={photo && formatDateTime(photo.visitedAt)}
        destroyOnHidden
      >
        {photo && (
          <img
            src={careApi.visitPhotoUrl(photo.id)}
            alt={t('care.console.photoAlt', { when: formatDateTime(photo.visitedAt) })}
            style={{ width: '100%', height: 'auto' }}
          />
        )}
      </Modal>
    </>
  );
}
