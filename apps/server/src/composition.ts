import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { FieldCrypto } from './platform/crypto.js';
import { localFileStore } from './platform/files.js';
import { createNotifier } from './platform/notify.js';
import { createBookingsService } from './modules/bookings/bookings.service.js';
import { createCampaignsService } from './modules/bookings/campaigns.service.js';
import { createCounterService } from './modules/bookings/counter.service.js';
import { createOutboxService } from './modules/outbox/outbox.service.js';
import { createTeamsService } from './modules/volunteers/teams.service.js';
import { createHoursService } from './modules/volunteers/hours.service.js';
import { createWristbandsService } from './modules/wristbands/wristbands.service.js';
import { createFinderService } from './modules/wristbands/finder.service.js';
import { createStationsService } from './modules/stations/stations.service.js';
import { createServiceLogService } from './modules/stations/service-log.service.js';
import { createOutcomesService } from './modules/outcomes/outcomes.service.js';
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
import { createAgreementFiles } from './modules/partnerships/agreement-file.js';
import { createNeedsService } from './modules/lists/needs.service.js';
import { createProjectsService } from './modules/lists/projects.service.js';
import { createProjectProof } from './modules/lists/project-proof.js';
import { createZonesService } from './modules/zones/zones.service.js';
import { createQuizService } from './modules/activities/quiz.service.js';
import { createQuotesService } from './modules/activities/quotes.service.js';
import { createRecipientsService } from './modules/care/recipients.service.js';
import { createVisitsService } from './modules/care/visits.service.js';
import { createVisitPhotos } from './modules/care/visit-photo.js';
import { createAlertsService } from './modules/care/alerts.service.js';
import { createFamilyService } from './modules/care/family.js';
import { createDashboardService } from './modules/reports/dashboard.service.js';
import { createReportsService } from './modules/reports/report.service.js';
import { createPressService } from './modules/reports/press.service.js';

/** The one place where repositories, services and platform parts are wired together; tests use it too. */
export function createServices(database: Database, config: Pick<Config, 'encryptionKey' | 'blindIndexKey' | 'filesDir'>) {
  const crypto = new FieldCrypto(config.encryptionKey, config.blindIndexKey);
  const db = database.db;
  const files = localFileStore(config.filesDir);
  const notifier = createNotifier(crypto);
  const activities = createActivitiesService(db);
  const partnerships = createPartnershipsService(db);
  const projects = createProjectsService(db);
  const stations = createStationsService(db);
  const bookings = createBookingsService(db, crypto);
  const campaigns = createCampaignsService(db, bookings);
  const careAlerts = createAlertsService(db, crypto, notifier);
  const dashboard = createDashboardService(db);
  const quotes = createQuotesService(db, activities);
  return {
    crypto,
    notifier,
    careRecipients: createRecipientsService(db, crypto),
    careVisits: createVisitsService(db, crypto, notifier, careAlerts),
    careVisitPhotos: createVisitPhotos(db, crypto),
    careAlerts,
    dashboard,
    reports: createReportsService(db, files, dashboard, activities, quotes),
    press: createPressService(db),
    careFamily: createFamilyService(db, crypto),
    bookings,
    campaigns,
    counter: createCounterService(db, bookings, campaigns, notifier),
    outbox: createOutboxService(db, crypto),
    teams: createTeamsService(db),
    hours: createHoursService(db),
    wristbands: createWristbandsService(db, crypto),
    finder: createFinderService(db, crypto, notifier),
    stations,
    serviceLog: createServiceLogService(db, crypto, stations),
    outcomes: createOutcomesService(db, crypto),
    activities,
    signups: createSignupsService(db, crypto, activities, notifier),
    partnerships,
    meetings: createMeetingsService(db, partnerships),
    agreementFiles: createAgreementFiles(db, files, partnerships),
    needs: createNeedsService(db, crypto),
    projects,
    projectProof: createProjectProof(db, files, projects),
    zones: createZonesService(db),
    quiz: createQuizService(db, crypto, activities),
    quotes,
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
