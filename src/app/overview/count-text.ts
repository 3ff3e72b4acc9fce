/**
 * A count as Intl.NumberFormat('en') writes it ("10,000"), without Intl: the first Intl object a
 * page creates initialises ICU (about 50 ms with the CPU 4× slower), which the overview's first
 * rows would wait for. The live part's cells, which write times and counts with Intl, come after
 * them.
 */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
