/**
 * Mappings: every configured mapping in processing order, filtered with `_queryFilter` and paged
 * by the server's cursor. The whole view lives in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { Pager } from '../../../components/pager';
import { ListState } from '../../../components/list-state';
import { usePageTitle } from '../../../components/use-page-title';
import { pageLength, trustedTotal } from '../../../lib/crest-query';
import { curlCommand } from '../../../lib/http';
import { useFilterError } from '../../../lib/query-filter/lazy-check';
import { mappingQueries } from '../api/queries';
import { listMappingsRequest } from '../api/requests';
import type { MappingSummary } from '../api/schemas';
import { recallCookie, rememberCookie } from '../api/cookie-memory';
import { hasFilter, PAGE_SIZES, queryFilterOf, readMappingsView, writeMappingsView, type MappingsView } from '../mappings-view';
import { MappingsFilterForm } from './mappings-filter-form';
import { MappingsTable } from './mappings-table';

const NO_MAPPINGS: MappingSummary[] = [];
const CSV_COLUMNS = [
  { header: 'name', value: (m: MappingSummary) => m.name },
  { header: 'source', value: (m: MappingSummary) => m.source },
  { header: 'target', value: (m: MappingSummary) => m.target },
  { header: 'sourceRouteReady', value: (m: MappingSummary) => m.sourceRouteReady },
  { header: 'targetRouteReady', value: (m: MappingSummary) => m.targetRouteReady },
];

export function MappingsPage() {
  usePageTitle('Mappings');
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readMappingsView(searchParams), [searchParams]);
  const filter = queryFilterOf(view);
  // The parser loads only when the URL carries an advanced filter; nothing is asked before it is checked.
  const filterError = useFilterError(view.advanced);
  const filterIsValid = filterError === null;
  const offset = (view.page - 1) * view.pageSize;
  const cookie = view.cookie ?? (view.page > 1 ? recallCookie(filter, view.pageSize, view.page) : undefined);

  const listParams = { filter, pageSize: view.pageSize, cookie, offset };
  const query = useQuery({ ...mappingQueries.list(listParams), enabled: filterIsValid });
  const page = query.isPlaceholderData ? undefined : query.data;
  const shownPage = query.data;

  useEffect(() => {
    if (page?.pagedResultsCookie) rememberCookie(filter, view.pageSize, view.page + 1, page.pagedResultsCookie);
    if (page && cookie) rememberCookie(filter, view.pageSize, view.page, cookie);
  }, [page, filter, view.pageSize, view.page, cookie]);

  function go(next: Partial<MappingsView>) {
    setSearchParams(writeMappingsView({ ...view, ...next }));
  }

  function goToPage(n: number) {
    go({ page: n, cookie: n > 1 ? recallCookie(filter, view.pageSize, n) : undefined });
  }

  const clear = () => go({ value: '', advanced: '', page: 1, cookie: undefined });

  return (
    <section className="page" aria-labelledby="mappings-heading">
      <header className="page-header">
        <h1 id="mappings-heading">Mappings</h1>
        <p className="page-lede">Every configured mapping, in the order the server processes them.</p>
        <div className="page-actions">
          {filterIsValid ? (
            <CopyButton text={curlCommand(listMappingsRequest(listParams))} label="Copy the request for this page as curl">
              Copy as curl
            </CopyButton>
          ) : null}
          <ExportCsvButton filename={`mappings-page-${view.page}.csv`} rows={page?.result ?? NO_MAPPINGS} columns={CSV_COLUMNS} what="mappings" />
        </div>
      </header>
      <MappingsFilterForm view={view} filterError={filterError} onApply={(change) => go({ ...change, page: 1, cookie: undefined })} onClear={clear} />
      <ListState
        query={query}
        data={shownPage}
        invalidFilter={Boolean(filterError)}
        loading="Loading mappings…"
        error={{
          title: 'The mappings could not be loaded',
          actions: (
            <>
              {view.page > 1 ? (
                <button type="button" onClick={() => goToPage(1)}>
                  Back to the first page
                </button>
              ) : null}
              {hasFilter(view) ? (
                <button type="button" onClick={clear}>
                  Clear filters
                </button>
              ) : null}
            </>
          ),
        }}
        isEmpty={shownPage !== undefined && pageLength(shownPage) === 0}
        isFiltered={view.page === 1 && hasFilter(view)}
        empty={
          view.page > 1
            ? {
                title: `Page ${view.page} is past the end of the list`,
                body: (
                  <button type="button" onClick={() => goToPage(1)}>
                    Go to the first page
                  </button>
                ),
              }
            : { title: 'No mappings are configured', body: <p>This tenant has no synchronization mappings yet.</p> }
        }
        noMatch={{ title: 'No mappings match these filters', filter, onClear: clear }}
        // Numbered by their place in the whole list, like the table's rows.
        unreadable={{
          items: (shownPage?.unreadable ?? []).map((item) => ({ ...item, index: item.index + (shownPage?.offset ?? 0) })),
          noun: 'mapping',
          plural: 'mappings',
          total: shownPage ? pageLength(shownPage) : undefined,
        }}
        footer={
          <Pager
            label="Mappings pages"
            page={view.page}
            pageSize={view.pageSize}
            pageSizes={PAGE_SIZES}
            shown={page ? pageLength(page) : null}
            total={page ? trustedTotal(page, offset) : null}
            hasNext={Boolean(page?.pagedResultsCookie)}
            busy={query.isFetching}
            onFirst={() => goToPage(1)}
            onPrevious={() => goToPage(view.page - 1)}
            onNext={() => go({ page: view.page + 1, cookie: page?.pagedResultsCookie ?? undefined })}
            onGoTo={goToPage}
            onPageSize={(size) => go({ pageSize: size, page: 1, cookie: undefined })}
          />
        }
      >
        {(shown) => <MappingsTable mappings={shown.result} offset={shown.offset} busy={query.isFetching} />}
      </ListState>
    </section>
  );
}
