export * from './errors.js';
export * from './common.js';
export * from './roles.js';
export * from './auth.js';
export * from './orgs.js';
export * from './people.js';
export * from './audit.js';
export * from './field-messages.js';
