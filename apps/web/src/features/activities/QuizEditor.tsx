import { useEffect, useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { activitiesApi, activityKeys, type Quiz } from './activities.api';

interface QuestionValue {
  text: string;
  /** One option a line. */
  options: string;
  /** 1-based, as people count. */
  answer: number;
}
interface Values {
  title: string;
  prizeCount: number;
  questions: QuestionValue[];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Writes the quiz's questions while it is a draft: each with its options, one a line, and which one is right. */
export function QuizEditor({
  activityId,
  quiz,
  open,
  onClose,
}: {
  activityId: string;
  quiz: Quiz | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue(
      quiz
        ? {
            title: quiz.title,
            prizeCount: quiz.prizeCount,
            questions: quiz.questions.map((q) => ({ text: q.text, options: q.options.join('\n'), answer: q.answer + 1 })),
          }
        : { title: t('quiz.defaultTitle'), prizeCount: 3, questions: [{ text: '', options: '', answer: 1 }] },
    );
  }, [open, quiz, form, t]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      activitiesApi.saveQuiz(activityId, {
        title: v.title.trim(),
        prizeCount: v.prizeCount,
        questions: v.questions.map((q) => ({ text: q.text.trim(), options: lines(q.options), answer: q.answer - 1 })),
      }),
    onSuccess: (saved) => {
      client.setQueryData(activityKeys.quiz(activityId), saved);
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['title', 'prizeCount', 'questions']);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : null);
    },
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Modal
      open={open}
      title={t('quiz.edit')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'quiz-save' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="quiz-editor">
        <div className="form-row">
          <Form.Item name="title" label={t('quiz.title')} rules={[required]} style={{ flex: 2 }}>
            <Input maxLength={100} data-testid="quiz-title" />
          </Form.Item>
          <Form.Item name="prizeCount" label={t('quiz.prizeCount')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={1} max={1000} precision={0} data-testid="quiz-prizes" />
          </Form.Item>
        </div>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <fieldset key={f.key} className="plain-fieldset quiz-question" data-testid={`quiz-edit-${i}`}>
                  <legend>{t('quiz.questionN', { n: i + 1 })}</legend>
                  <Form.Item name={[f.name, 'text']} label={t('quiz.questionText')} rules={[required]}>
                    <Input maxLength={300} data-testid="quiz-question-text" />
                  </Form.Item>
                  <div className="form-row">
                    <Form.Item
                      name={[f.name, 'options']}
                      label={t('quiz.options')}
                      extra={t('quiz.optionsHint')}
                      style={{ flex: 2 }}
                      rules={[
                        {
                          validator: async (_r, v: string | undefined) => {
                            const n = lines(v ?? '').length;
                            if (n < 2 || n > 6) throw new Error(t('quiz.optionsCount'));
                          },
                        },
                      ]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="quiz-question-options" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'answer']}
                      label={t('quiz.answerN')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <InputNumber min={1} max={6} precision={0} data-testid="quiz-question-answer" />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      disabled={fields.length === 1}
                      aria-label={t('quiz.removeQuestion', { n: i + 1 })}
                      style={{ marginTop: 30 }}
                    />
                  </div>
                </fieldset>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ text: '', options: '', answer: 1 })}
                disabled={fields.length >= 30}
                data-testid="quiz-add-question"
              >
                {t('quiz.addQuestion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
