/**
 * A finished run's per-record report, explained when it is missing. Two queries, each a function
 * of its key and the network: the run's report, and — only when a run launched here with a report
 * has none — whether the tenant keeps reports at all (`reportEndpoint`, asked once a session).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReconRun } from './schemas';
import { isActive } from '../run-state';
import { launchedWith } from './launched-reports';
import { reconQueries, type ReportLookup } from './queries';

/** What the Records section and the run page show: loading, a failure to show, or the lookup. */
export type RunReport = { refetch: () => unknown } & (
  | { isPending: true; isError: false; error: null; data: undefined }
  | { isPending: false; isError: true; error: Error; data: undefined }
  | { isPending: false; isError: false; error: null; data: ReportLookup }
);

const UNSUPPORTED: ReportLookup = { status: 'unsupported' };

/** The run's per-record report, asked for once the run has ended. */
export function useRunReport(run: ReconRun): RunReport {
  const client = useQueryClient();
  const launched = launchedWith(client, run._id);
  const explains = launched !== undefined && launched !== 'none';
  // What is known of the tenant's recon/assoc, without asking (this observer never fetches): once
  // it is known to be missing, a run launched here with a report is not asked for one again.
  const known = useQuery({ ...reconQueries.reportEndpoint(), enabled: false });
  const unsupported = explains && known.data === false;
  const report = useQuery({ ...reconQueries.report(run._id, launched, run.ended), enabled: !isActive(run) && !unsupported });
  // Only when a report was asked for does its absence need explaining: is there any at all?
  const endpoint = useQuery({ ...reconQueries.reportEndpoint(), enabled: explains && report.data?.status === 'missing' });

  if (unsupported) return { isPending: false, isError: false, error: null, data: UNSUPPORTED, refetch: report.refetch };
  if (report.isError) return { isPending: false, isError: true, error: report.error, data: undefined, refetch: report.refetch };
  if (report.isPending) return { isPending: true, isError: false, error: null, data: undefined, refetch: report.refetch };
  if (explains && report.data.status === 'missing') {
    if (endpoint.isError) return { isPending: false, isError: true, error: endpoint.error, data: undefined, refetch: endpoint.refetch };
    if (endpoint.isPending) return { isPending: true, isError: false, error: null, data: undefined, refetch: endpoint.refetch };
  }
  return { isPending: false, isError: false, error: null, data: report.data, refetch: report.refetch };
}
