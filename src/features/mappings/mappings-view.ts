/**
 * The Mappings view as it lives in the URL: filter, page size and position. Reload, back/forward
 * and a shared link all return to the same view.
 */
import { all, eq, printFilter, sw } from '../../lib/query-filter/build';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const FILTER_FIELDS = ['name', 'source', 'target'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type MatchMode = 'eq' | 'sw';

export interface MappingsView {
  field: FilterField;
  match: MatchMode;
  value: string;
  /** A raw `_queryFilter` from the advanced box; replaces the simple filter when set. */
  advanced: string;
  pageSize: number;
  /** 1-based page number. */
  page: number;
  /** The server's cursor for `page`, when it is known. */
  cookie: string | undefined;
}

export function readMappingsView(params: URLSearchParams): MappingsView {
  const field = params.get('by');
  const pageSize = Number(params.get('pageSize'));
  const page = Number(params.get('page'));
  return {
    field: (FILTER_FIELDS as readonly string[]).includes(field ?? '') ? (field as FilterField) : 'name',
    match: params.get('match') === 'sw' ? 'sw' : 'eq',
    value: params.get('value') ?? '',
    advanced: params.get('filter') ?? '',
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    cookie: params.get('cookie') || undefined,
  };
}

export function writeMappingsView(view: MappingsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.advanced) {
    params.set('filter', view.advanced);
  } else if (view.value) {
    params.set('by', view.field);
    params.set('match', view.match);
    params.set('value', view.value);
  }
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(view.pageSize));
  if (view.page > 1) params.set('page', String(view.page));
  if (view.page > 1 && view.cookie) params.set('cookie', view.cookie);
  return params;
}

export function hasFilter(view: MappingsView): boolean {
  return view.advanced !== '' || view.value !== '';
}

/** The `_queryFilter` the server gets: the advanced filter as typed, or one built and escaped here. */
export function queryFilterOf(view: MappingsView): string {
  if (view.advanced) return view.advanced;
  if (!view.value) return 'true';
  const pointer = `/${view.field}`;
  return printFilter(all(view.match === 'sw' ? sw(pointer, view.value) : eq(pointer, view.value)));
}
