/**
 * The benchmark's floor: the console's libraries (react, react-dom, react-router, TanStack
 * Query/Table/Virtual) and nothing else, fetching the same first page from the same tenant with
 * the same headers (so the same CORS preflight) and rendering it in one virtualized table. Its
 * entry bytes are the floor the console's are compared with, and its time to the first row the
 * floor for the console's. The tenant's origin comes from `?tenant=` (no config.json: the bare
 * page knows its tenant; reading config.json is part of what the console is measured for).
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, useLocation } from 'react-router';

type Row = Record<string, unknown> & { _id?: string; name?: string };

const tenant = sessionStorage.getItem('tenant') ?? new URLSearchParams(location.search).get('tenant') ?? '';
sessionStorage.setItem('tenant', tenant);

/**
 * The console's own first requests, byte for byte (bench.ts compares the URLs both pages send and
 * says so when they differ): the queue's asks only for the fields its table shows (`_fields`, the
 * console's LIST_FIELDS), so both read the same few hundred bytes per event rather than the
 * kilobytes of `oldObject`/`newObject` a whole event carries.
 */
const QUEUE_FIELDS = ['_id', '_rev', 'mapping', 'resourceId', 'syncAction', 'state', 'resourceCollection', 'nodeId', 'createDate', 'remainingRetries'];
const PAGES: Record<string, { path: string; columns: string[] }> = {
  '/mappings': { path: `/openidm/sync/mappings?${new URLSearchParams({ _queryFilter: 'true', _pageSize: '50' })}`, columns: ['name', 'source', 'target'] },
  '/sync-queue': {
    path: `/openidm/sync/queue?${new URLSearchParams({ _queryFilter: 'true', _pageSize: '100', _fields: QUEUE_FIELDS.join(',') })}`,
    columns: ['_id', 'mapping', 'resourceId', 'syncAction', 'state', 'createDate'],
  },
};

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Row>();

function Page() {
  const page = PAGES[useLocation().pathname] ?? PAGES['/mappings']!;
  const query = useQuery({
    queryKey: [page.path],
    queryFn: async () => {
      const response = await fetch(`${tenant}${page.path}`, { headers: { 'Accept-API-Version': 'resource=1.0', accept: 'application/json' } });
      return ((await response.json()) as { result: Row[] }).result;
    },
  });
  const columns = helper.columns(page.columns.map((key) => helper.accessor((row) => String(row[key] ?? ''), { id: key, header: key })));
  const table = useTable({ features, columns, data: query.data ?? [] });
  const rows = table.getRowModel().rows;
  const scroll = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- as in the console's VirtualTable
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroll.current, estimateSize: () => 41, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroll} style={{ maxHeight: 640, overflowY: 'auto' }}>
      <table>
        <thead>
          <tr>
            {page.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr style={{ height: items[0]?.start ?? 0 }} />
          {items.map((item) => (
            <tr key={item.key} style={{ height: 41 }}>
              {rows[item.index]!.getAllCells().map((cell) => (
                <td key={cell.id}>{String(cell.getValue())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const router = createBrowserRouter([{ path: '*', element: <Page /> }]);
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
