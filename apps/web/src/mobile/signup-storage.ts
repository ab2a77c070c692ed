/**
 * The sign-up codes this phone holds, per activity token, so that scanning the activity's poster
 * at the door checks its owner in, and the activity page can say "you have signed up".
 * Several per token: one phone may sign up a family member too.
 */
export interface StoredSignup {
  code: string;
  name: string;
}

const KEY = 'youshe.signups';
/** Enough for years of activities on one phone without growing without bound. */
const MAX_TOKENS = 50;

type Store = Record<string, StoredSignup[]>;

function read(storage: Storage | undefined): Store {
  try {
    const raw = storage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Store = {};
    for (const [token, list] of Object.entries(parsed)) {
      if (!Array.isArray(list)) continue;
      const valid = list.filter(
        (s): s is StoredSignup => typeof s === 'object' && s !== null && typeof s.code === 'string' && typeof s.name === 'string',
      );
      if (valid.length) out[token] = valid;
    }
    return out;
  } catch {
    return {};
  }
}

function write(storage: Storage | undefined, store: Store) {
  try {
    const tokens = Object.keys(store);
    // Oldest first (insertion order): drop the oldest activities beyond the limit.
    for (const token of tokens.slice(0, Math.max(0, tokens.length - MAX_TOKENS))) delete store[token];
    storage?.setItem(KEY, JSON.stringify(store));
  } catch {
    // Private mode or a full storage: the sign-up page's address still holds the code.
  }
}

const local = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function storedSignups(token: string, storage: Storage | undefined = local()): StoredSignup[] {
  return read(storage)[token] ?? [];
}

export function rememberSignup(token: string, signup: StoredSignup, storage: Storage | undefined = local()) {
  const store = read(storage);
  const list = (store[token] ?? []).filter((s) => s.code !== signup.code);
  delete store[token];
  store[token] = [...list, signup];
  write(storage, store);
}

export function forgetSignup(token: string, code: string, storage: Storage | undefined = local()) {
  const store = read(storage);
  const list = (store[token] ?? []).filter((s) => s.code !== code);
  if (list.length) store[token] = list;
  else delete store[token];
  write(storage, store);
}
