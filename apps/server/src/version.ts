/** Reported by /api/health and the OpenAPI document; bumped with each release. */
export const VERSION = '0.1.0';
