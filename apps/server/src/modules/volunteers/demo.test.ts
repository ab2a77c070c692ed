import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo, DEMO_PASSWORD } from '../../demo/seed.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.services.crypto);
}, 180_000);
afterAll(() => t.close());

it('the demo shows Changzhou’s volunteers growing from 35 to 562, and a found wristband in the outbox', async () => {
  const officer = await signIn(t.app, 'cz-officer', DEMO_PASSWORD);
  const teams = (await officer.inject({ method: 'GET', url: '/api/volunteer-teams' })).json().items;
  expect(new Set(teams.map((x: { kind: string }) => x.kind))).toEqual(new Set(['counter', 'carrier', 'leifeng']));
  const cz = teams.find((x: { kind: string }) => x.kind === 'counter').orgId;
  const { points } = (await officer.inject({ method: 'GET', url: `/api/volunteer-teams/growth?orgId=${cz}` })).json();
  expect(points[0].members).toBe(35);
  expect(points.at(-1).members).toBe(562);
  expect(points.length).toBeGreaterThan(40);
  for (let i = 1; i < points.length; i++) expect(points[i].members).toBeGreaterThanOrEqual(points[i - 1].members - 5);

  const community = await signIn(t.app, 'cz-community', DEMO_PASSWORD);
  const found = (await community.inject({ method: 'GET', url: '/api/outbox?kind=wristband.found' })).json();
  expect(found.total).toBeGreaterThan(0);
  expect(found.items[0].status).toBe('held');
  const bound = (await community.inject({ method: 'GET', url: '/api/wristbands?status=bound' })).json();
  expect(bound.total).toBe(3);

  const volunteer = await signIn(t.app, 'cz-volunteer', DEMO_PASSWORD);
  const me = (await volunteer.inject({ method: 'GET', url: '/api/me' })).json();
  const record = (await volunteer.inject({ method: 'GET', url: `/api/volunteers/${me.person.id}` })).json();
  expect(record.approvedMinutes).toBeGreaterThan(0);
  expect(record.teams[0].kind).toBe('carrier');
});
