import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { FieldCrypto } from './platform/crypto.js';
import { localFileStore } from './platform/files.js';
import { createNotifier } from './platform/notify.js';
import { createPhotosService } from './modules/activities/photos.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createOrgsService } from './modules/orgs/orgs.service.js';
import { createPlacesService } from './modules/places/places.service.js';
import { createPeopleService } from './modules/people/people.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createActivitiesService } from './modules/activities/activities.service.js';
import { createSignupsService } from './modules/activities/signups.service.js';
import { createPartnershipsService } from './modules/partnerships/partnerships.service.js';
import { createMeetingsService } from './modules/partnerships/meetings.service.js';
import { createNeedsService } from './modules/lists/needs.service.js';
import { createProjectsService } from './modules/lists/projects.service.js';
import { createZonesService } from './modules/zones/zones.service.js';
import { createQuizService } from './modules/activities/quiz.service.js';

/** The one place where repositories, services and platform parts are wired together; tests use it too. */
export function createServices(database: Database, config: Pick<Config, 'encryptionKey' | 'blindIndexKey' | 'filesDir'>) {
  const crypto = new FieldCrypto(config.encryptionKey, config.blindIndexKey);
  const db = database.db;
  const files = localFileStore(config.filesDir);
  const notifier = createNotifier(crypto);
  const activities = createActivitiesService(db);
  const partnerships = createPartnershipsService(db);
  return {
    crypto,
    notifier,
    activities,
    signups: createSignupsService(db, crypto, activities),
    partnerships,
    meetings: createMeetingsService(db, partnerships),
    needs: createNeedsService(db, crypto),
    projects: createProjectsService(db),
    zones: createZonesService(db),
    quiz: createQuizService(db, crypto, activities),
    photos: createPhotosService(db, files, activities),
    auth: createAuthService(db),
    orgs: createOrgsService(db),
    places: createPlacesService(db),
    people: createPeopleService(db, crypto),
    audit: createAuditService(db),
    accounts: createAccountsService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
