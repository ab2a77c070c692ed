import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  closeNeedSchema,
  communityDirectoryQuerySchema,
  communityDirectorySchema,
  completeProjectSchema,
  createNeedSchema,
  createProjectSchema,
  createResourceSchema,
  idParamsSchema,
  needListQuerySchema,
  needPageSchema,
  needSchema,
  partnerCommunityListSchema,
  projectListQuerySchema,
  projectPageSchema,
  projectSchema,
  publicNeedRequestSchema,
  publicNeedSchema,
  resourceListQuerySchema,
  resourcePageSchema,
  resourceSchema,
  trackingCodeParamsSchema,
  updateResourceSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import type { NeedsService } from './needs.service.js';
import type { ProjectsService } from './projects.service.js';

export function listsRoutes(needs: NeedsService, projects: ProjectsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['three lists'];
    r.get(
      '/api/needs',
      {
        schema: {
          tags,
          summary: 'Needs and micro-wishes of one’s own and paired communities',
          querystring: needListQuerySchema,
          response: { 200: needPageSchema },
        },
      },
      (req) => needs.listNeeds(actorOf(req), req.query),
    );
    r.get(
      '/api/needs/partner-communities',
      {
        schema: {
          tags,
          summary: 'Communities one’s units are paired with, and their open needs',
          response: { 200: partnerCommunityListSchema },
        },
      },
      (req) => needs.partnerCommunities(actorOf(req)),
    );
    r.get('/api/needs/:id', { schema: { tags, summary: 'One need', params: idParamsSchema, response: { 200: needSchema } } }, (req) =>
      needs.getNeed(actorOf(req), req.params.id),
    );
    r.post(
      '/api/needs',
      { schema: { tags, summary: 'Post a need or micro-wish for a community', body: createNeedSchema, response: { 200: needSchema } } },
      (req) => needs.createNeed(actorOf(req), req.body),
    );
    r.post(
      '/api/needs/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a need nobody will take up',
          params: idParamsSchema,
          body: closeNeedSchema,
          response: { 200: needSchema },
        },
      },
      (req) => needs.closeNeed(actorOf(req), req.params.id),
    );
    r.post(
      '/api/needs/:id/claim',
      {
        schema: {
          tags,
          summary: 'Claim a micro-wish or need yourself: it becomes your project',
          params: idParamsSchema,
          response: { 200: projectSchema },
        },
      },
      (req) => projects.claimWish(actorOf(req), req.params.id),
    );
    r.get(
      '/api/resources',
      {
        schema: {
          tags,
          summary: 'Resources the postal side offers',
          querystring: resourceListQuerySchema,
          response: { 200: resourcePageSchema },
        },
      },
      (req) => needs.listResources(actorOf(req), req.query),
    );
    r.post(
      '/api/resources',
      { schema: { tags, summary: 'Offer a resource', body: createResourceSchema, response: { 200: resourceSchema } } },
      (req) => needs.createResource(actorOf(req), req.body),
    );
    r.patch(
      '/api/resources/:id',
      {
        schema: {
          tags,
          summary: 'Edit or withdraw a resource',
          params: idParamsSchema,
          body: updateResourceSchema,
          response: { 200: resourceSchema },
        },
      },
      (req) => needs.updateResource(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/projects',
      {
        schema: {
          tags,
          summary: 'Projects: matched needs with owners, due dates and outcomes',
          querystring: projectListQuerySchema,
          response: { 200: projectPageSchema },
        },
      },
      (req) => projects.list(actorOf(req), req.query),
    );
    r.get(
      '/api/projects/:id',
      { schema: { tags, summary: 'One project', params: idParamsSchema, response: { 200: projectSchema } } },
      (req) => projects.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/projects',
      {
        schema: {
          tags,
          summary: 'Match a need (and a resource) into a project',
          body: createProjectSchema,
          response: { 200: projectSchema },
        },
      },
      (req) => projects.create(actorOf(req), req.body),
    );
    r.post(
      '/api/projects/:id/claim',
      { schema: { tags, summary: 'Claim an open project; one claimant wins', params: idParamsSchema, response: { 200: projectSchema } } },
      (req) => projects.claim(actorOf(req), req.params.id),
    );
    r.post(
      '/api/projects/:id/complete',
      {
        schema: {
          tags,
          summary: 'Report a project done, with proof',
          params: idParamsSchema,
          body: completeProjectSchema,
          response: { 200: projectSchema },
        },
      },
      (req) => projects.complete(actorOf(req), req.params.id, req.body),
    );

    r.get(
      '/api/public/communities',
      {
        config: rateLimits.lookup,
        schema: {
          tags: ['public'],
          summary: 'Communities a resident can send a request to',
          querystring: communityDirectoryQuerySchema,
          response: { 200: communityDirectorySchema },
        },
      },
      (req) => needs.communities(req.query.q),
    );
    r.post(
      '/api/public/needs',
      {
        config: rateLimits.lookup,
        schema: {
          tags: ['public'],
          summary: 'A resident’s request (居民点单), with consent; answers a code to follow it',
          body: publicNeedRequestSchema,
          response: { 200: publicNeedSchema },
        },
      },
      (req) => needs.publicCreate(req.body),
    );
    r.get(
      '/api/public/needs/:code',
      {
        config: rateLimits.lookup,
        schema: {
          tags: ['public'],
          summary: 'The status of one’s request',
          params: trackingCodeParamsSchema,
          response: { 200: publicNeedSchema },
        },
      },
      (req) => needs.publicStatus(req.params.code),
    );
  };
}
