import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { header: 'name', value: (r: { name: string; n?: number }) => r.name },
    { header: 'n', value: (r: { name: string; n?: number }) => r.n },
  ];

  it('quotes what needs quoting and doubles quotes', () => {
    expect(toCsv([{ name: 'plain', n: 1 }, { name: 'a,b "c"\nd' }], columns)).toBe('name,n\r\nplain,1\r\n"a,b ""c""\nd",\r\n');
  });

  it('keeps a spreadsheet from running server data as a formula', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', n: -1 }, { name: '-2' }], columns)).toBe(`name,n\r\n"'=HYPERLINK(""x"")",-1\r\n'-2,\r\n`);
  });
});
