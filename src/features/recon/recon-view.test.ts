import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paths } from '../../config/paths';
import { readReconView, reconUrl } from './recon-view';
import { RUN_STATES } from './run-state';

describe('links into the runs list', () => {
  it('reconUrl writes only the filters given, as the page reads them back', () => {
    expect(reconUrl({})).toBe(paths.recon);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('' as const, ...RUN_STATES), (mapping, state) => {
        const url = new URL(reconUrl({ mapping, state }), 'http://console.test');
        expect(url.pathname).toBe(paths.recon);
        expect(readReconView(url.searchParams)).toEqual({ mapping, state });
      }),
    );
  });
});
