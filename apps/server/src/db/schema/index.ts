export * from './orgs.js';
export * from './people.js';
export * from './auth.js';
export * from './audit.js';
export * from './activities.js';
export * from './partnerships.js';
export * from './lists.js';
export * from './zones.js';
