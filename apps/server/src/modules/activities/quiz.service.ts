import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { quizEntryRequestSchema, upsertQuizSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { activities, quizEntries, quizzes } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskPhone, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { ActivitiesService } from './activities.service.js';

type Question = z.infer<typeof upsertQuizSchema>['questions'][number];
interface Draw {
  seed: string;
  drawnAt: string;
  topScore: number;
  eligible: number;
  winners: { name: string; phoneMasked: string; score: number }[];
}

/**
 * The prize quiz (有奖问答): questions on residents' phones, answers scored on the server, and a draw
 * among the best scores that anyone can re-check: the seed is kept, and entries are ranked by
 * SHA-256(seed + entry id).
 */
export function createQuizService(db: Db, crypto: FieldCrypto, activitiesService: ActivitiesService) {
  const load = (activityId: string) => db.query.quizzes.findFirst({ where: eq(quizzes.activityId, activityId) });

  async function present(activityId: string) {
    const quiz = await load(activityId);
    if (!quiz) throw new AppError('not_found');
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(quizEntries)
      .where(eq(quizEntries.quizId, quiz.id));
    return {
      id: quiz.id,
      title: quiz.title,
      questions: quiz.questions as Question[],
      prizeCount: quiz.prizeCount,
      status: quiz.status as 'draft' | 'open' | 'closed',
      entries: count?.n ?? 0,
      draw: (quiz.draw as Draw | null) ?? null,
    };
  }

  async function get(actor: Actor, activityId: string) {
    await activitiesService.authorised(actor, activityId, 'activity.read');
    // An activity without a quiz is an ordinary state, not a missing resource.
    if (!(await load(activityId))) return null;
    return present(activityId);
  }

  async function upsert(actor: Actor, activityId: string, input: z.infer<typeof upsertQuizSchema>) {
    await activitiesService.authorised(actor, activityId, 'activity.write');
    input.questions.forEach((q, i) => {
      if (q.answer >= q.options.length) throw invalidField(`questions.${i}.answer`, 'custom', 'answer_out_of_range');
    });
    const existing = await load(activityId);
    if (existing && existing.status !== 'draft') throw invalidField('questions', 'custom', 'quiz_locked');
    await db.transaction(async (tx) => {
      if (existing)
        await tx
          .update(quizzes)
          .set({ title: input.title, questions: input.questions, prizeCount: input.prizeCount })
          .where(eq(quizzes.id, existing.id));
      else
        await tx
          .insert(quizzes)
          .values({ id: uuidv7(), activityId, title: input.title, questions: input.questions, prizeCount: input.prizeCount });
      await recordAudit(tx, actor, {
        action: 'quiz.save',
        entity: 'activity',
        entityId: activityId,
        details: { questions: input.questions.length },
      });
    });
    return present(activityId);
  }

  async function setStatus(actor: Actor, activityId: string, status: 'open' | 'closed') {
    await activitiesService.authorised(actor, activityId, 'activity.write');
    const from = status === 'open' ? 'draft' : 'open';
    const rows = await db
      .update(quizzes)
      .set({ status })
      .where(and(eq(quizzes.activityId, activityId), eq(quizzes.status, from)))
      .returning({ id: quizzes.id });
    if (!rows.length) throw invalidField('status', 'custom', 'transition_not_allowed');
    return present(activityId);
  }

  async function publicQuiz(token: string) {
    const activity = await db.query.activities.findFirst({ where: eq(activities.publicToken, token) });
    const quiz = activity && activity.status !== 'draft' ? await load(activity.id) : undefined;
    if (!quiz || quiz.status === 'draft') throw new AppError('not_found');
    return {
      quiz,
      view: {
        title: quiz.title,
        status: quiz.status as 'open' | 'closed',
        questions: (quiz.questions as Question[]).map(({ text, options }) => ({ text, options })),
      },
    };
  }

  /** One entry per phone: a second submission (or a retry) gets the first one's score back. */
  async function answer(token: string, input: z.infer<typeof quizEntryRequestSchema>) {
    const { quiz } = await publicQuiz(token);
    if (quiz.status !== 'open') throw invalidField('answers', 'custom', 'quiz_not_open');
    const questions = quiz.questions as Question[];
    if (input.answers.length !== questions.length) throw invalidField('answers', 'custom', 'answers_count');
    const correct = questions.map((q) => q.answer);
    const score = input.answers.filter((a, i) => a === correct[i]).length;
    const phoneBidx = crypto.blindIndex('phone', input.phone);
    const inserted = await db
      .insert(quizEntries)
      .values({
        id: uuidv7(),
        quizId: quiz.id,
        name: input.name,
        phoneBidx,
        phoneMasked: maskPhone(input.phone),
        answers: input.answers,
        score,
      })
      .onConflictDoNothing()
      .returning({ score: quizEntries.score });
    if (inserted.length) return { score, outOf: questions.length, correct, firstTime: true };
    const first = await db.query.quizEntries.findFirst({
      where: and(eq(quizEntries.quizId, quiz.id), eq(quizEntries.phoneBidx, phoneBidx)),
    });
    return { score: first!.score, outOf: questions.length, correct, firstTime: false };
  }

  async function drawWinners(actor: Actor, activityId: string) {
    await activitiesService.authorised(actor, activityId, 'activity.write');
    const quiz = await load(activityId);
    if (!quiz) throw new AppError('not_found');
    if (quiz.draw) throw invalidField('draw', 'custom', 'already_drawn');
    const [top] = await db
      .select({ score: quizEntries.score })
      .from(quizEntries)
      .where(eq(quizEntries.quizId, quiz.id))
      .orderBy(desc(quizEntries.score))
      .limit(1);
    const eligible = top
      ? await db
          .select()
          .from(quizEntries)
          .where(and(eq(quizEntries.quizId, quiz.id), eq(quizEntries.score, top.score)))
      : [];
    const seed = randomBytes(16).toString('hex');
    const rank = (id: string) =>
      createHash('sha256')
        .update(seed + id)
        .digest('hex');
    const winners = eligible
      .sort((a, b) => rank(a.id).localeCompare(rank(b.id)))
      .slice(0, quiz.prizeCount)
      .map((e) => ({ name: e.name, phoneMasked: e.phoneMasked, score: e.score }));
    const draw: Draw = { seed, drawnAt: new Date().toISOString(), topScore: top?.score ?? 0, eligible: eligible.length, winners };
    const saved = await db.transaction(async (tx) => {
      // Drawn once: a second press, or two at once, finds the draw already on record.
      const rows = await tx
        .update(quizzes)
        .set({ draw, status: 'closed' })
        .where(and(eq(quizzes.id, quiz.id), isNull(quizzes.draw)))
        .returning({ id: quizzes.id });
      if (rows.length)
        await recordAudit(tx, actor, {
          action: 'quiz.draw',
          entity: 'activity',
          entityId: activityId,
          details: { seed, eligible: eligible.length, winners: winners.length },
        });
      return rows.length === 1;
    });
    if (!saved) throw invalidField('draw', 'custom', 'already_drawn');
    return present(activityId);
  }

  return { get, upsert, setStatus, publicQuiz: async (token: string) => (await publicQuiz(token)).view, answer, drawWinners };
}

export type QuizService = ReturnType<typeof createQuizService>;
