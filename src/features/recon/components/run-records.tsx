/**
 * "Which records, and why": the per-record report of a finished run that was launched with one
 * (`persistAssociations=true`, or an analysis run), read from `recon/assoc/<id>` and its entries.
 * Filtered by situation and status (in the URL, `?situation=&status=`), paged by the server's
 * cursor, each object linked to its linked resources, exportable as CSV.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { DataTable, type CoreFeatures } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { ListState } from '../../../components/list-state';
import { ResourceLink } from '../../../components/resource-link';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { unreadableAcrossPages } from '../../../components/unreadable-items';
import { curlCommand } from '../../../lib/http';
import { all, eq, printFilter } from '../../../lib/query-filter/build';
import { reconQueries, type ReportLookup } from '../api/queries';
import { useRunReport } from '../api/run-report';
import { ASSOCIATION_PAGE_SIZE } from '../api/requests';
import type { AssociationEntry, AssociationSummary, ReconRun } from '../api/schemas';
import { Time } from '../../../components/time';
import { isActive, SITUATIONS } from '../run-state';
import '../recon.css';

const STATUSES = ['SUCCESS', 'FAILURE'] as const;

interface RecordsChoice {
  situation?: string;
  status?: string;
}

/** The run page's parameters with the records filter set to `choice` ('' or absent = any); other parameters stay. */
function withRecordsFilter(current: URLSearchParams, choice: RecordsChoice): URLSearchParams {
  const params = new URLSearchParams(current);
  params.delete('situation');
  params.delete('status');
  if (choice.situation) params.set('situation', choice.situation);
  if (choice.status) params.set('status', choice.status);
  return params;
}

/** A link to the run page's records in one situation or status. */
export function recordsLink(current: URLSearchParams, choice: RecordsChoice) {
  return { search: `?${withRecordsFilter(current, choice).toString()}`, hash: '#records' };
}

/** The filter sent for the situation and status chosen ('' = any). */
export function recordsFilter(situation: string, status: string): string {
  return printFilter(all(...(situation ? [eq('/situation', situation)] : []), ...(status ? [eq('/status', status)] : [])));
}

/** What went wrong, in the server's words; the sample's `messageDetail: "null"` is no detail. */
export function recordMessage(entry: AssociationEntry): string {
  const parts = [entry.message, typeof entry.exception === 'string' ? entry.exception : entry.exception ? JSON.stringify(entry.exception) : null];
  const detail = entry.messageDetail;
  if (detail !== undefined && detail !== null && detail !== 'null') parts.push(typeof detail === 'string' ? detail : JSON.stringify(detail));
  return [...new Set(parts.filter((p): p is string => Boolean(p)))].join(' — ');
}

function ObjectCell({ collection, id }: { collection: string | null | undefined; id: string | null | undefined }) {
  if (!id) return <span className="muted">none</span>;
  return <ResourceLink className="object-name" name={collection ? `${collection}/${id}` : id} />;
}

const helper = createColumnHelper<CoreFeatures, AssociationEntry>();
const columns = helper.columns([
  helper.accessor('situation', { header: 'Situation', cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span> }),
  helper.accessor('action', { header: 'Action', cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span> }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <span className={info.getValue() === 'FAILURE' ? 'text-danger' : undefined}>{info.getValue() ?? '—'}</span>,
  }),
  helper.display({
    id: 'source',
    header: 'Source object',
    cell: (info) => <ObjectCell collection={info.row.original.sourceResourceCollection} id={info.row.original.sourceObjectId} />,
  }),
  helper.display({
    id: 'target',
    header: 'Target object',
    cell: (info) => {
      const entry = info.row.original;
      const ambiguous = entry.ambiguousTargetObjectIds ?? [];
      if (!entry.targetObjectId && ambiguous.length > 0) {
        return (
          <span>
            <span className="muted">one of {ambiguous.length}: </span>
            {ambiguous.map((id) => (
              <span key={id} className="block-line">
                <ObjectCell collection={entry.targetResourceCollection} id={id} />
              </span>
            ))}
          </span>
        );
      }
      return <ObjectCell collection={entry.targetResourceCollection} id={entry.targetObjectId} />;
    },
  }),
  helper.accessor('linkQualifier', { header: 'Link qualifier', cell: (info) => info.getValue() ?? '—' }),
  helper.display({ id: 'message', header: 'Message', cell: (info) => recordMessage(info.row.original) || <span className="muted">—</span> }),
]);

const RECORD_CSV_COLUMNS = [
  { header: '_id', value: (e: AssociationEntry) => e._id },
  { header: 'situation', value: (e: AssociationEntry) => e.situation },
  { header: 'action', value: (e: AssociationEntry) => e.action },
  { header: 'status', value: (e: AssociationEntry) => e.status },
  { header: 'sourceObject', value: (e: AssociationEntry) => (e.sourceObjectId ? `${e.sourceResourceCollection ?? ''}/${e.sourceObjectId}` : '') },
  { header: 'targetObject', value: (e: AssociationEntry) => (e.targetObjectId ? `${e.targetResourceCollection ?? ''}/${e.targetObjectId}` : '') },
  { header: 'ambiguousTargetObjectIds', value: (e: AssociationEntry) => (e.ambiguousTargetObjectIds ?? []).join(' ') },
  { header: 'linkQualifier', value: (e: AssociationEntry) => e.linkQualifier },
  { header: 'message', value: recordMessage },
];

/** Why a finished run shows no records, in one sentence (the run page repeats it beside the failures). */
export function noRecordsText(lookup: Exclude<ReportLookup, { status: 'kept' }>): string {
  if (lookup.status === 'unsupported') return 'This server keeps no per-record reports (it has no recon/assoc endpoint), so which records failed is not known.';
  if (lookup.launchedWith === 'none') return 'This run kept no per-record report, so which records failed is not known.';
  if (lookup.launchedWith) return 'The server no longer has this run’s per-record report, so which records failed is not known.';
  return 'The server has no per-record report for this run, so which records failed is not known.';
}

function NoRecords({ lookup }: { lookup: Exclude<ReportLookup, { status: 'kept' }> }) {
  if (lookup.status === 'unsupported') {
    return (
      <EmptyState title="This server keeps no per-record reports">
        <p>
          It answers 404 for <span className="mono">recon/assoc</span>, where per-record reports are read, so no run’s records can be shown here.
        </p>
      </EmptyState>
    );
  }
  if (lookup.launchedWith && lookup.launchedWith !== 'none') {
    return (
      <EmptyState title="This run’s per-record report is no longer on the server">
        <p>
          It was launched with one, but the server does not have it: by default it keeps only the report of each mapping’s latest run and removes the older ones
          (the mapping’s <span className="mono">reconAssociation</span> settings say how many). Just after a run ends its report may not be written yet: the
          console looks again for two minutes.
        </p>
      </EmptyState>
    );
  }
  if (lookup.launchedWith === 'none') {
    return (
      <EmptyState title="This run kept no per-record report">
        <p>
          The server keeps one only for runs launched with a per-record report (<span className="mono">persistAssociations</span>), which costs time on large
          runs. Launch the mapping again with “Keep a per-record report” or as an analysis to see which records failed and why.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No per-record report for this run">
      <p>
        Either the run was launched without one (the default: a report is kept only with <span className="mono">persistAssociations</span>), or the server no
        longer keeps it: by default it keeps the report of each mapping’s latest run only. Launch the mapping again with “Keep a per-record report” or as an
        analysis to see which records failed and why.
      </p>
    </EmptyState>
  );
}

export function RunRecords({ run }: { run: ReconRun }) {
  const runId = run._id;
  const active = isActive(run);
  const report = useRunReport(run);
  // A link to `#records` (e.g. "See which records failed") brings the section into view.
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (hash === '#records') section.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <section className="panel records" id="records" ref={section} aria-labelledby="records-heading">
      <h2 id="records-heading">Records</h2>
      {active ? (
        <p className="muted">When the run ends, each record's situation, action and result show here, if the run was launched with a per-record report.</p>
      ) : report.isPending ? (
        <LoadingState label="Looking for the run's per-record report…" />
      ) : report.isError ? (
        <ErrorState title="The per-record report could not be loaded" error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.status === 'kept' ? (
        <RecordList runId={runId} summary={report.data.summary} />
      ) : (
        <NoRecords lookup={report.data} />
      )}
    </section>
  );
}

function RecordList({ runId, summary }: { runId: string; summary: AssociationSummary }) {
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const situation = searchParams.get('situation') ?? '';
  const status = searchParams.get('status') ?? '';
  const filter = recordsFilter(situation, status);
  const entries = useInfiniteQuery(reconQueries.reportEntries(runId, filter));
  const records = useMemo(() => entries.data?.pages.flatMap((page) => page.result) ?? [], [entries.data]);
  // Positions count across the pages loaded, so "item 51" is the first of the second page.
  const unreadable = useMemo(() => unreadableAcrossPages(entries.data?.pages ?? []), [entries.data]);
  const analysis = summary.isAnalysis === true || summary.isAnalysis === 'true';

  const choose = (choice: RecordsChoice) => setSearchParams(withRecordsFilter(searchParams, choice));

  return (
    <>
      {analysis ? <p className="notice notice-info">An analysis run: nothing was changed. Each action is what a real run would have done.</p> : null}
      <p className="muted">
        Report written <Time value={summary.finishTime} fallback="at an unknown time" />.
      </p>
      <div className="toolbar" role="group" aria-label="Filter the records">
        <div className="toolbar-group">
          <label htmlFor={`${id}-situation`}>Situation</label>
          <select id={`${id}-situation`} value={situation} onChange={(e) => choose({ situation: e.target.value, status })}>
            <option value="">Any</option>
            {SITUATIONS.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => choose({ situation, status: e.target.value })}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'FAILURE' ? 'FAILURE (failed records)' : s}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-group">
          <ExportCsvButton filename={`recon-${runId}-records.csv`} rows={records} columns={RECORD_CSV_COLUMNS} what="records shown" />
          <CopyButton
            text={curlCommand({ path: `recon/assoc/${encodeURIComponent(runId)}/entry`, query: { _queryFilter: filter, _pageSize: ASSOCIATION_PAGE_SIZE } })}
            label="Copy the request for these records as curl"
          >
            Copy as curl
          </CopyButton>
        </div>
      </div>
      <ListState
        query={entries}
        data={entries.data}
        loading="Loading the records…"
        error={{ title: 'The records could not be loaded', staleTitle: 'More records could not be loaded' }}
        hasData={records.length > 0}
        unreadable={{ items: unreadable, noun: 'record', plural: 'records', total: records.length + unreadable.length }}
        isEmpty={records.length === 0 && unreadable.length === 0}
        isFiltered={Boolean(situation || status)}
        empty={{ title: 'The report holds no records', body: <p>The run ended before it reconciled any entry.</p> }}
        noMatch={{ title: 'No record matches these filters', onClear: () => choose({}) }}
      >
        <>
          <DataTable caption="Records of this run" columns={columns} data={records} getRowId={(e) => e._id} busy={entries.isFetching} />
          <div className="load-row">
            <p className="muted" aria-live="polite">
              {records.length} {records.length === 1 ? 'record' : 'records'} shown.{' '}
              {entries.hasNextPage ? 'More match; the server does not say how many.' : 'That is every matching record.'}
            </p>
            {entries.hasNextPage ? (
              <button type="button" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
                {entries.isFetchingNextPage ? 'Loading more records…' : 'Load more records'}
              </button>
            ) : null}
          </div>
        </>
      </ListState>
    </>
  );
}
