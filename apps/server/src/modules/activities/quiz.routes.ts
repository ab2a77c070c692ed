import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  publicQuizSchema,
  publicTokenParamsSchema,
  quizEntryRequestSchema,
  quizEntryResultSchema,
  quizSchema,
  quizStatusSchema,
  upsertQuizSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import type { QuizService } from './quiz.service.js';

export function quizRoutes(quiz: QuizService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['quiz'];
    const one = { params: idParamsSchema, response: { 200: quizSchema } };
    r.get(
      '/api/activities/:id/quiz',
      {
        schema: {
          tags,
          summary: 'The activity’s prize quiz with answers, entries and the draw; null while none is written',
          params: idParamsSchema,
          response: { 200: quizSchema.nullable() },
        },
      },
      (req) => quiz.get(actorOf(req), req.params.id),
    );
    r.put(
      '/api/activities/:id/quiz',
      { schema: { tags, summary: 'Write the questions (while a draft)', body: upsertQuizSchema, ...one } },
      (req) => quiz.upsert(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/activities/:id/quiz/status',
      { schema: { tags, summary: 'Open or close the quiz', body: quizStatusSchema, ...one } },
      (req) => quiz.setStatus(actorOf(req), req.params.id, req.body.status),
    );
    r.post(
      '/api/activities/:id/quiz/draw',
      { schema: { tags, summary: 'Draw the winners among the best scores, once, with a kept seed', ...one } },
      (req) => quiz.drawWinners(actorOf(req), req.params.id),
    );
    r.get(
      '/api/public/activities/:token/quiz',
      {
        config: rateLimits.crowd,
        schema: {
          tags: ['public'],
          summary: 'The quiz questions, without answers',
          params: publicTokenParamsSchema,
          response: { 200: publicQuizSchema },
        },
      },
      (req) => quiz.publicQuiz(req.params.token),
    );
    r.post(
      '/api/public/activities/:token/quiz',
      {
        config: rateLimits.crowd,
        schema: {
          tags: ['public'],
          summary: 'Answer the quiz; one entry per phone',
          params: publicTokenParamsSchema,
          body: quizEntryRequestSchema,
          response: { 200: quizEntryResultSchema },
        },
      },
      (req) => quiz.answer(req.params.token, req.body),
    );
  };
}
