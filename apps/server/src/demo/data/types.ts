import type { OrgKind, PlaceKind } from '@youshe/shared';

/** One organisation of the demo tree. `key` names it inside the demo data; it is never stored. */
export interface OrgSpec {
  key: string;
  kind: OrgKind;
  name: string;
  shortName?: string;
  code?: string;
  children?: OrgSpec[];
}

export const org = (key: string, kind: OrgKind, name: string, children: OrgSpec[] = [], extra: { shortName?: string; code?: string } = {}): OrgSpec => ({
  key,
  kind,
  name,
  ...extra,
  children,
});

/** Where a city's people live: the prefix of their addresses and the region code of their ID numbers. */
export interface Locality {
  /** 江苏省常州市钟楼区 */
  prefix: string;
  /** First six digits of a resident ID card issued there. */
  region: string;
  center: { lat: number; lng: number };
}

export interface PlaceSpec {
  /** Key of the owning org. */
  org: string;
  kind: PlaceKind;
  name: string;
  address: string;
  lat: number;
  lng: number;
  openingHours: string | null;
  hasPartyMember: boolean;
}
