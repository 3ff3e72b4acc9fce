/**
 * Every run, newest first, as fresh as the list's own poll: `GET /recon` carries every run's
 * progress, so one request per interval serves all active runs, however many there are (see the
 * polling plan in api/queries.ts). A single run is polled on its own page only.
 */
import { useQuery } from '@tanstack/react-query';
import { reconQueries } from './api/queries';
import { isActive } from './run-state';

const NO_RUNS: never[] = [];

export function useLiveRuns() {
  const list = useQuery(reconQueries.list());
  const runs = list.data?.runs ?? NO_RUNS;
  return { list, runs, activeCount: runs.filter(isActive).length };
}
