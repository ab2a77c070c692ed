export const SOURCE_FILE: string;
export const TARGET_FILE: string;
export function toTraditional<T>(value: T): T;
export function renderTraditional(source: unknown): string;
