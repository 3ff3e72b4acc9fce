/**
 * A finished run's per-record report against the mock tenant: which records, filtered and paged by
 * the server, failures with the server's message; a run without a report says why.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../../mocks/node';
import { QUICK_MAPPING } from '../../../../mocks/recon/seed';
import { getTenant, resetTenant } from '../../../../mocks/tenant';
import { TEST_TENANT_URL } from '../../../testing/setup-tests';
import { REPORT_RECHECK_MS, REPORT_WAIT_MS } from '../api/queries';
import type { AssociationEntry } from '../api/schemas';
import { renderRecon } from '../test-utils';
import { recordMessage, recordsFilter, recordsLink } from './run-records';

async function finishedRun(query: string): Promise<{ id: string; failures: number; total: number }> {
  const response = await fetch(`${TEST_TENANT_URL}/openidm/recon?_action=recon&mapping=${QUICK_MAPPING}&${query}`, { method: 'POST' });
  const { _id: id } = (await response.json()) as { _id: string };
  getTenant().recon.clock.advance(60_000);
  const run = (await (await fetch(`${TEST_TENANT_URL}/openidm/recon/${id}`)).json()) as { statusSummary: { SUCCESS: number; FAILURE: number } };
  return { id, failures: run.statusSummary.FAILURE, total: run.statusSummary.SUCCESS + run.statusSummary.FAILURE };
}

/** The report requests the page makes, as paths under /openidm (the summary of `runId` and the recon/assoc list). */
function reportRequests(runId: string) {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname.replace(/^.*\/openidm\//, '');
    if (path === `recon/assoc/${runId}` || path === 'recon/assoc') seen.push(path);
  });
  return seen;
}

function entryQueries() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/entry')) seen.push(url.searchParams);
  });
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('A run’s records', () => {
  it('lists the records 50 at a time by the server’s cursor, and narrows them to the failures', async () => {
    const user = userEvent.setup();
    const run = await finishedRun('persistAssociations=true');
    expect(run.total).toBe(120);
    const queries = entryQueries();
    renderRecon(`/recon/${run.id}`);

    const table = await screen.findByRole('table', { name: 'Records of this run' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(51));
    expect(screen.getByText('50 records shown. More match; the server does not say how many.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more records' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(101));
    expect(queries.at(-1)?.get('_pagedResultsCookie')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'FAILURE');
    await waitFor(() => expect(queries.at(-1)?.get('_queryFilter')).toBe('/status eq "FAILURE"'));
    await waitFor(() =>
      expect(screen.getByText(`${run.failures} ${run.failures === 1 ? 'record' : 'records'} shown. That is every matching record.`)).toBeInTheDocument(),
    );
    const rows = within(screen.getByRole('table', { name: 'Records of this run' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(run.failures);
    for (const row of rows) expect(row).toHaveTextContent(/FAILURE.*Situation [A-Z_]+ marked as EXCEPTION/);
  });

  it('links each object to its linked resources, and says an analysis run changed nothing', async () => {
    const run = await finishedRun('persistAssociations=true&analyze=true');
    renderRecon(`/recon/${run.id}?situation=ABSENT`);
    expect(await screen.findByText('An analysis run: nothing was changed. Each action is what a real run would have done.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Records of this run' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent(/ABSENT\s*CREATE\s*SUCCESS/);
    const source = within(first).getByRole('link');
    expect(source).toHaveAttribute('href', expect.stringMatching(/^\/linked-resources\?resourceName=system%2Fhrdb%2Femployee%2F[0-9a-f-]{36}$/));
    // Nothing was created, so there is no target object to show.
    expect(within(first).getByText('none')).toBeInTheDocument();
  });

  it('says when a run launched here without a report kept none, and how to get one', async () => {
    resetTenant({});
    const run = await finishedRun('');
    expect(run.failures).toBeGreaterThan(0);
    renderRecon(`/recon/${run.id}`, { launched: { [run.id]: 'none' } });
    expect(await screen.findByRole('heading', { name: 'This run kept no per-record report' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Records of this run' })).not.toBeInTheDocument();
    expect(screen.getByText('This run kept no per-record report, so which records failed is not known.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See which records failed' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Situations found' })).queryAllByRole('link')).toHaveLength(0);
  });

  it('does not claim a run launched elsewhere kept no report, and asks for it only once', async () => {
    const run = await finishedRun('');
    const asked = reportRequests(run.id);
    renderRecon(`/recon/${run.id}`);
    expect(await screen.findByRole('heading', { name: 'No per-record report for this run' })).toBeInTheDocument();
    expect(screen.getByText(/Either the run was launched without one .* or the server no longer keeps it/)).toBeInTheDocument();
    expect(screen.getByText('The server has no per-record report for this run, so which records failed is not known.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This run kept no per-record report' })).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(REPORT_WAIT_MS + 10_000));
    expect(asked).toEqual([`recon/assoc/${run.id}`]);
  });

  it('looks again, backing off, for the report of a run launched with one, just after it ended', async () => {
    const run = await finishedRun('persistAssociations=true');
    // The server has not written the report yet when the page first asks, nor the first time again.
    let notYet = 2;
    server.use(
      http.get(`${TEST_TENANT_URL}/openidm/recon/assoc/:id`, () =>
        notYet-- > 0 ? HttpResponse.json({ code: 404, reason: 'Not Found', message: 'Not yet' }, { status: 404 }) : undefined,
      ),
    );
    const asked = reportRequests(run.id);
    renderRecon(`/recon/${run.id}`, { launched: { [run.id]: 'persist' } });
    expect(await screen.findByRole('heading', { name: 'This run’s per-record report is no longer on the server' })).toBeInTheDocument();
    // Whether the tenant has recon/assoc at all is asked once; then 2 s, then 4 s later.
    await waitFor(() => expect(asked).toEqual([`recon/assoc/${run.id}`, 'recon/assoc']));
    await act(() => vi.advanceTimersByTimeAsync(REPORT_RECHECK_MS));
    await waitFor(() => expect(asked).toHaveLength(3));
    await act(() => vi.advanceTimersByTimeAsync(REPORT_RECHECK_MS * 2));
    await waitFor(() => expect(asked).toHaveLength(4));
    expect(await screen.findByRole('table', { name: 'Records of this run' })).toBeInTheDocument();
    expect(asked).toEqual([`recon/assoc/${run.id}`, 'recon/assoc', `recon/assoc/${run.id}`, `recon/assoc/${run.id}`]);
  });

  it('asks once, and says so, when the tenant has no recon/assoc at all', async () => {
    const run = await finishedRun('persistAssociations=true');
    const missing = () => HttpResponse.json({ code: 404, reason: 'Not Found', message: 'Resource recon/assoc not found' }, { status: 404 });
    server.use(http.get(`${TEST_TENANT_URL}/openidm/recon/assoc`, missing), http.get(`${TEST_TENANT_URL}/openidm/recon/assoc/:id`, missing));
    const asked = reportRequests(run.id);
    renderRecon(`/recon/${run.id}`, { launched: { [run.id]: 'persist' } });
    expect(await screen.findByRole('heading', { name: 'This server keeps no per-record reports' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(REPORT_WAIT_MS + 10_000));
    expect(asked).toEqual([`recon/assoc/${run.id}`, 'recon/assoc']);
  });

  it('self-managed: says a run’s report is gone once a newer run of the mapping kept one', async () => {
    resetTenant({ profile: 'self-managed' });
    const older = await finishedRun('persistAssociations=true');
    await finishedRun('persistAssociations=true');
    renderRecon(`/recon/${older.id}`, { launched: { [older.id]: 'persist' } });
    expect(await screen.findByRole('heading', { name: 'This run’s per-record report is no longer on the server' })).toBeInTheDocument();
    expect(screen.getByText(/by default it keeps only the report of each mapping’s latest run/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See which records failed' })).not.toBeInTheDocument();
  });

  it('turns each situation count into a link to those records', async () => {
    const user = userEvent.setup();
    const run = await finishedRun('persistAssociations=true');
    const queries = entryQueries();
    renderRecon(`/recon/${run.id}`);
    const chart = await screen.findByRole('table', { name: 'Situations found' });
    const absent = await within(chart).findByRole('link', { name: /^\d+ ABSENT: show these records$/ });
    const count = Number(absent.textContent);
    await user.click(absent);
    expect(screen.getByRole('combobox', { name: 'Situation' })).toHaveValue('ABSENT');
    await waitFor(() => expect(queries.at(-1)?.get('_queryFilter')).toBe('/situation eq "ABSENT"'));
    const rows = await waitFor(() => {
      const found = within(screen.getByRole('table', { name: 'Records of this run' }))
        .getAllByRole('row')
        .slice(1);
      expect(found).toHaveLength(Math.min(count, 50));
      return found;
    });
    for (const row of rows) expect(row).toHaveTextContent(/^ABSENT\s*CREATE/);
  });
});

describe('records helpers', () => {
  it('builds the filter from the chosen situation and status, escaped', () => {
    expect(recordsFilter('', '')).toBe('true');
    expect(recordsFilter('AMBIGUOUS', '')).toBe('/situation eq "AMBIGUOUS"');
    expect(recordsFilter('MISSING', 'FAILURE')).toBe('/situation eq "MISSING" and /status eq "FAILURE"');
    expect(recordsFilter('a"b', '')).toBe('/situation eq "a\\"b"');
  });

  it('links to records of one situation or status, keeping the rest of the view', () => {
    expect(recordsLink(new URLSearchParams('compare=run-2&situation=ABSENT'), { status: 'FAILURE' })).toEqual({
      search: '?compare=run-2&status=FAILURE',
      hash: '#records',
    });
    expect(recordsLink(new URLSearchParams('status=FAILURE'), { situation: 'MISSING' })).toEqual({ search: '?situation=MISSING', hash: '#records' });
  });

  it('shows the server’s message and exception, not the sample’s "null" detail', () => {
    const entry: AssociationEntry = { _id: 'x', message: 'Situation MISSING marked as EXCEPTION', messageDetail: 'null', exception: null };
    expect(recordMessage(entry)).toBe('Situation MISSING marked as EXCEPTION');
    expect(recordMessage({ _id: 'y', message: null, exception: 'ConnectorException: timeout', messageDetail: { code: 7 } })).toBe(
      'ConnectorException: timeout — {"code":7}',
    );
  });
});
