import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activities.js';

/** A prize quiz (有奖问答) at an activity; one per activity. The draw, once made, is kept with its seed. */
export const quizzes = pgTable('quizzes', {
  id: uuid('id').primaryKey(),
  activityId: uuid('activity_id')
    .notNull()
    .unique()
    .references(() => activities.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  questions: jsonb('questions').notNull(),
  prizeCount: integer('prize_count').notNull(),
  status: text('status').notNull().default('draft'),
  draw: jsonb('draw'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const quizEntries = pgTable(
  'quiz_entries',
  {
    id: uuid('id').primaryKey(),
    quizId: uuid('quiz_id')
      .notNull()
      .references(() => quizzes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    answers: jsonb('answers').notNull(),
    score: integer('score').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quiz_entries_one_per_phone').on(t.quizId, t.phoneBidx), index('quiz_entries_score').on(t.quizId, t.score)],
);
