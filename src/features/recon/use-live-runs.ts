/**
 * Every run, newest first, with the active ones as fresh as their own polls: the list comes from
 * `GET /recon` (refreshed slowly), each active run from `GET /recon/<id>` (about once a second).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { reconQueries } from './api/queries';
import { isActive } from './run-state';

/** At module scope, so TanStack Query can keep the combined result while nothing changes. */
const dataOf = <T,>(results: { data: T | undefined }[]) => results.map((result) => result.data);

export function useLiveRuns() {
  const list = useQuery(reconQueries.list());
  const activeIds = useMemo(() => (list.data?.runs ?? []).filter(isActive).map((run) => run._id), [list.data]);
  const details = useQueries({
    queries: activeIds.map((id) => reconQueries.detail(id)),
    combine: dataOf,
  });
  const runs = useMemo(() => {
    const fresh = new Map(details.flatMap((watch) => (watch ? [[watch.run._id, watch.run] as const] : [])));
    return (list.data?.runs ?? []).map((run) => fresh.get(run._id) ?? run);
  }, [list.data, details]);
  return { list, runs, activeCount: runs.filter(isActive).length };
}
