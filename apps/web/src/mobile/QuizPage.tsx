import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { phoneSchema, quizEntryRequestSchema } from '@youshe/shared';
import { ApiError, problemText } from '../app/api';
import { applyServerErrors, zodRule } from '../app/forms';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/use-page-title';
import { Notice } from './Notice';
import { isNetwork, publicApi, publicKeys, retryNetworkOnly, type QuizEntryResult } from './public.api';
import { ResidentError } from './ResidentError';

interface Values {
  name: string;
  phone: string;
  answers: (number | undefined)[];
}

/** 有奖问答 on a resident's phone: the questions, one choice each, the score at once. */
export default function QuizPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const quiz = useQuery({ queryKey: publicKeys.quiz(token), queryFn: () => publicApi.quiz(token), retry: retryNetworkOnly });
  usePageTitle(quiz.data?.title ?? t('quiz.pageTitle'));
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<QuizEntryResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (v: Values) =>
      publicApi.answerQuiz(token, { name: v.name.trim(), phone: v.phone.trim(), answers: v.answers.map((a) => a ?? -1) }),
    onSuccess: setResult,
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['name', 'phone', 'answers']);
      const onlyFields = e instanceof ApiError && e.details.length > 0 && rest.length === 0;
      setFailure(onlyFields ? null : isNetwork(e) ? t('quiz.offline') : problemText(e));
    },
  });

  if (quiz.isPending) return <PageLoading />;
  if (quiz.isError) return <ResidentError error={quiz.error} notFound={t('quiz.notFound')} onRetry={() => void quiz.refetch()} />;
  const q = quiz.data;
  if (q.status !== 'open') {
    return (
      <>
        <h1>{q.title}</h1>
        <Notice tone="muted" title={q.status === 'closed' ? t('quiz.closedNotice') : t('quiz.notOpenNotice')} testId="quiz-not-open" />
      </>
    );
  }
  if (result) {
    return (
      <>
        <h1>{q.title}</h1>
        <div className="resident-status success" data-testid="quiz-result" data-score={result.score}>
          <div className="resident-status-text">{t('quiz.score', { score: result.score, outOf: result.outOf })}</div>
          <div className="resident-status-sub">{result.firstTime ? t('quiz.entered') : t('quiz.alreadyEntered')}</div>
        </div>
        <section className="resident-card">
          <h2>{t('quiz.review')}</h2>
          <ol>
            {q.questions.map((question, i) => (
              <li key={i}>
                {question.text}
                <br />
                <strong>{t('quiz.correctAnswer', { answer: question.options[result.correct[i] ?? -1] ?? '—' })}</strong>
              </li>
            ))}
          </ol>
        </section>
      </>
    );
  }
  return (
    <>
      <h1>{q.title}</h1>
      <p>{t('quiz.intro')}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        initialValues={{ answers: q.questions.map(() => undefined) }}
        onFinish={(v) => {
          setFailure(null);
          answer.mutate(v);
        }}
        data-testid="quiz-form"
      >
        {q.questions.map((question, i) => (
          <section key={i} className="resident-card" aria-labelledby={`quiz-q-${i}`}>
            <h2 id={`quiz-q-${i}`}>
              {i + 1}. {question.text}
            </h2>
            <Form.Item name={['answers', i]} rules={[{ required: true, message: t('quiz.pickOne') }]}>
              <Radio.Group aria-labelledby={`quiz-q-${i}`} className="resident-options" data-testid={`quiz-question-${i}`}>
                {question.options.map((option, j) => (
                  <Radio key={j} value={j}>
                    {option}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </section>
        ))}
        <section className="resident-card">
          <Form.Item
            name="name"
            label={t('public.name')}
            rules={[{ required: true, whitespace: true, message: t('public.nameRequired') }, zodRule(quizEntryRequestSchema.shape.name)]}
          >
            <Input autoComplete="name" maxLength={30} data-testid="quiz-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('public.phone')}
            extra={t('quiz.phoneHint')}
            rules={[{ required: true, message: t('public.phoneRequired') }, zodRule(phoneSchema)]}
            validateTrigger="onBlur"
          >
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="quiz-phone" />
          </Form.Item>
          {failure && <Notice tone="error" title={failure} testId="quiz-error" />}
          <Button type="primary" htmlType="submit" size="large" block loading={answer.isPending} data-testid="quiz-submit">
            {t('quiz.submit')}
          </Button>
        </section>
      </Form>
    </>
  );
}
