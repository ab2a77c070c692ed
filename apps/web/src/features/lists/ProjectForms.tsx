import { useQuery } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Need, Project } from '@youshe/shared';
import { useOrgScope } from '../../app/org-scope';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { FormModal } from './FormModal';
import { ProofPhoto } from './ProofPhoto';
import { listsApi } from './lists.api';

interface NewProject {
  orgId: string;
  title: string;
  needId?: string;
  resourceId?: string;
  dueOn?: Dayjs | null;
}

/** 社区下单 → 党员接单: a need matched with a resource becomes a project with an owner unit and a due date. */
export function NewProjectModal({ open, need, onClose }: { open: boolean; need?: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { orgId } = useOrgScope();
  // Not narrowed to the switcher's unit: the needs worth matching are mostly paired communities', outside one's tree.
  const needs = useQuery({
    queryKey: ['needs', 'open-options'],
    queryFn: () => listsApi.needs({ status: 'open', page: 1, pageSize: 200 }),
    enabled: open,
  });
  const resources = useQuery({
    queryKey: ['resources', 'available-options', orgId],
    queryFn: () => listsApi.resources({ orgId, available: 'true', page: 1, pageSize: 200 }),
    enabled: open,
  });
  return (
    <FormModal<NewProject>
      open={open}
      title={t('lists.addProject')}
      fields={['orgId', 'title', 'needId', 'resourceId', 'dueOn']}
      initial={{ orgId: orgId ?? undefined, ...(need ? { needId: need.id, title: need.title } : {}) }}
      submit={(v) =>
        listsApi.createProject({
          orgId: v.orgId,
          title: v.title.trim(),
          needId: v.needId ?? null,
          resourceId: v.resourceId ?? null,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        })
      }
      onClose={onClose}
      testId="project-form"
    >
      {(form) => (
        <>
          <Form.Item name="needId" label={t('lists.fromNeed')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={[...(need && !needs.data?.items.some((n) => n.id === need.id) ? [need] : []), ...(needs.data?.items ?? [])].map(
                (n) => ({
                  value: n.id,
                  label: `${n.title}（${n.orgName}）`,
                }),
              )}
              onChange={(id: string | undefined) => {
                const need = needs.data?.items.find((n) => n.id === id);
                if (need && !form.getFieldValue('title')) form.setFieldsValue({ title: need.title });
              }}
              data-testid="project-need"
            />
          </Form.Item>
          <Form.Item name="resourceId" label={t('lists.withResource')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.title}（${r.orgName}）` }))}
              data-testid="project-resource"
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('lists.ownerUnit')} rules={[{ required: true, message: t('validation.required') }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('lists.title')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} data-testid="project-title" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('lists.dueOn')}>
            <DatePicker data-testid="project-due" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface Completion {
  outcome: string;
  beneficiaryConfirmed?: boolean;
  proofNote?: string;
}

/** Reporting a project done: what was done, and proof — the beneficiary's confirmation or a note of the evidence. */
export function CompleteProjectModal({ project, onClose }: { project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [photoFor, setPhotoFor] = useState<string | null>(null);
  const hasPhoto = Boolean(project && (project.hasProofPhoto || photoFor === project.id));
  return (
    <FormModal<Completion>
      open={project !== null}
      title={t('lists.completeTitle', { title: project?.title ?? '' })}
      okText={t('lists.complete')}
      fields={['outcome', 'beneficiaryConfirmed', 'proofNote']}
      initial={{ beneficiaryConfirmed: false }}
      submit={(v) =>
        listsApi.completeProject(project!.id, {
          outcome: v.outcome.trim(),
          beneficiaryConfirmed: Boolean(v.beneficiaryConfirmed),
          proofNote: v.proofNote?.trim() || null,
        })
      }
      onClose={onClose}
      testId="complete-form"
    >
      {() => (
        <>
          <Form.Item
            name="outcome"
            label={t('lists.outcome')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="complete-outcome" />
          </Form.Item>
          {project && <ProofPhoto project={project} attached={hasPhoto} onAttached={() => setPhotoFor(project.id)} />}
          <Form.Item name="beneficiaryConfirmed" valuePropName="checked" extra={t('lists.proofHint')}>
            <Checkbox data-testid="complete-confirmed">{t('lists.beneficiaryConfirmed')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="proofNote"
            label={t('lists.proofNote')}
            dependencies={['beneficiaryConfirmed']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  if (hasPhoto || getFieldValue('beneficiaryConfirmed') || value?.trim()) return;
                  throw new Error(t('lists.proofRequired'));
                },
              }),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={1000}
              placeholder={t('lists.proofPlaceholder')}
              data-testid="complete-proof"
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
