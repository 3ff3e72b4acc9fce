/**
 * The runs list's filters as they live in the URL (`?mapping=...&state=...`), applied in the
 * browser: `/recon` returns every run and supports no query (idm-api.md §5.1).
 */
import { paths } from '../../config/paths';
import type { ReconRun } from './api/schemas';
import { RUN_STATES } from './run-state';

export type StateFilter = (typeof RUN_STATES)[number] | '';

export interface ReconView {
  /** Part of a mapping name, case-insensitive. */
  mapping: string;
  state: StateFilter;
}

export function readReconView(params: URLSearchParams): ReconView {
  const state = params.get('state') ?? '';
  return {
    mapping: params.get('mapping') ?? '',
    state: (RUN_STATES as readonly string[]).includes(state) ? (state as StateFilter) : '',
  };
}

export function writeReconView(view: ReconView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.mapping) params.set('mapping', view.mapping);
  if (view.state) params.set('state', view.state);
  return params;
}

/** A link to the runs list filtered by `view`: the one place the list's parameters are written for a link. */
export function reconUrl(view: Partial<ReconView>): string {
  const params = writeReconView({ mapping: '', state: '', ...view }).toString();
  return params ? `${paths.recon}?${params}` : paths.recon;
}

export function hasReconFilter(view: ReconView): boolean {
  return view.mapping !== '' || view.state !== '';
}

export function filterRuns(runs: readonly ReconRun[], view: ReconView): ReconRun[] {
  const needle = view.mapping.trim().toLowerCase();
  return runs.filter((run) => (!needle || run.mapping.toLowerCase().includes(needle)) && (!view.state || run.state === view.state));
}
