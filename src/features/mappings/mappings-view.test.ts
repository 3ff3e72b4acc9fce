import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../lib/query-filter';
import { queryFilterOf, readMappingsView, writeMappingsView } from './mappings-view';

describe('the Mappings view in the URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(readMappingsView(new URLSearchParams())).toEqual({ field: 'name', match: 'eq', value: '', advanced: '', pageSize: 50, page: 1, cookie: undefined });
  });

  it('survives a round trip through the URL', () => {
    const view = { field: 'source' as const, match: 'sw' as const, value: "o'neil \\", advanced: '', pageSize: 25, page: 3, cookie: 'mapping7' };
    expect(readMappingsView(writeMappingsView(view))).toEqual(view);
  });

  it('ignores values that are not allowed', () => {
    expect(readMappingsView(new URLSearchParams('by=evil&pageSize=7&page=-2'))).toMatchObject({ field: 'name', pageSize: 50, page: 1 });
  });

  it('builds an escaped filter that means exactly what was typed', () => {
    const filter = queryFilterOf({ field: 'name', match: 'eq', value: `a'b"c\\d`, advanced: '', pageSize: 50, page: 1, cookie: undefined });
    expect(parseFilter(filter)).toEqual({ type: 'comparison', operator: 'eq', pointer: '/name', value: `a'b"c\\d` });
  });

  it('sends the advanced filter as typed, and true when there is no filter', () => {
    expect(queryFilterOf({ field: 'name', match: 'eq', value: 'x', advanced: '/source pr', pageSize: 50, page: 1, cookie: undefined })).toBe('/source pr');
    expect(queryFilterOf({ field: 'name', match: 'eq', value: '', advanced: '', pageSize: 50, page: 1, cookie: undefined })).toBe('true');
  });
});
