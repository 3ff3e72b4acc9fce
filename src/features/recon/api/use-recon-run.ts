/** One run, polled while it is active (see the polling plan in queries.ts). */
import { useQuery } from '@tanstack/react-query';
import { watchRun } from '../watch';
import { reconQueries } from './queries';

export function useReconRun(id: string) {
  // What the runs list already knows, read without asking (this observer never fetches or polls).
  const list = useQuery({ ...reconQueries.list(), enabled: false });
  return useQuery({
    ...reconQueries.detail(id),
    // ...shows at once, while the run itself loads.
    placeholderData: () => {
      const run = list.data?.runs.find((r) => r._id === id);
      return run && list.data ? watchRun(undefined, run, list.data.fetchedAt) : undefined;
    },
  });
}
