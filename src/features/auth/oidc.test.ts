import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './oidc';

const origin = 'https://console.example.com';

describe('safeReturnPath', () => {
  it('keeps a path of the console, with its query and hash', () => {
    expect(safeReturnPath('/mappings?filter=x#top', '/', origin)).toBe('/mappings?filter=x#top');
    expect(safeReturnPath('/console/recon/runs', '/console/', origin)).toBe('/console/recon/runs');
    expect(safeReturnPath('/console', '/console/', origin)).toBe('/console');
  });

  it('returns to the start page for anything that would leave the console', () => {
    for (const hostile of [
      '//evil.example/phish',
      '/\\evil.example/phish',
      '\\\\evil.example',
      'https://evil.example/phish',
      'javascript:alert(1)',
      '/\t/evil.example',
      'mappings',
      '',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(hostile, '/', origin), String(hostile)).toBe('/');
    }
    expect(safeReturnPath('/other-app/page', '/console/', origin)).toBe('/console/');
    expect(safeReturnPath('/consoleevil', '/console/', origin)).toBe('/console/');
    expect(safeReturnPath('/console/auth/callback?code=x', '/console/', origin)).toBe('/console/');
  });
});
