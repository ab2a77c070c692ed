import { useQuery } from '@tanstack/react-query';
import { activitiesApi, activityKeys } from './activities.api';

/** The kinds change rarely (platform admins edit them): loaded once per visit. */
export function useActivityKinds() {
  return useQuery({ queryKey: activityKeys.kinds, queryFn: activitiesApi.kinds, staleTime: 10 * 60_000, select: (d) => d.items });
}
