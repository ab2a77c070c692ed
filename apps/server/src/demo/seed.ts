export const DEMO_PASSWORD = 'youshe-demo';
export async function isDemoLoaded(_db: unknown) { return true; }
export async function seedDemo(_db: unknown, _c: unknown) {}
