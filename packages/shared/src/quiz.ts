import { z } from 'zod';
import { phoneSchema, requiredText } from './common.js';

const questionFields = { text: requiredText(300), options: z.array(requiredText(100)).min(2).max(6) };
export const quizQuestionSchema = z.strictObject({ ...questionFields, answer: z.number().int().min(0).max(5) });
export const upsertQuizSchema = z.strictObject({
  title: requiredText(100),
  questions: z.array(quizQuestionSchema).min(1).max(30),
  prizeCount: z.number().int().min(1).max(1000),
});
export const quizStatusSchema = z.strictObject({ status: z.enum(['open', 'closed']) });

export const quizWinnerSchema = z.object({ name: z.string(), phoneMasked: z.string(), score: z.number().int() });
export const quizDrawSchema = z.object({
  seed: z.string(),
  drawnAt: z.string(),
  topScore: z.number().int(),
  eligible: z.number().int(),
  winners: z.array(quizWinnerSchema),
});
export const quizSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  questions: z.array(z.object({ ...questionFields, answer: z.number().int() })),
  prizeCount: z.number().int(),
  status: z.enum(['draft', 'open', 'closed']),
  entries: z.number().int(),
  draw: quizDrawSchema.nullable(),
});

/** What a resident's phone shows: the questions, never the answers. */
export const publicQuizSchema = z.object({
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  questions: z.array(z.object({ text: z.string(), options: z.array(z.string()) })),
});
export const quizEntryRequestSchema = z.strictObject({
  name: requiredText(30),
  phone: phoneSchema,
  answers: z.array(z.number().int().min(0).max(5)).max(30),
});
export const quizEntryResultSchema = z.object({
  score: z.number().int(),
  outOf: z.number().int(),
  correct: z.array(z.number().int()),
  firstTime: z.boolean(),
});
