/**
 * The virtualized table's released rows: rows before the loaded ones keep their place, and are
 * loaded back when the reader scrolls to them, not when they were released under the reader.
 * Rows of a fixed height are placed by arithmetic, never measured, except the few a reader opened.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { VirtualTable, type VirtualTableFeatures } from './virtual-table';

interface Item {
  id: string;
}
const helper = createColumnHelper<VirtualTableFeatures, Item>();
const columns = [helper.accessor('id', { header: 'Id' })];
const items = (from: number, count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `item-${from + i}` }));

function Table(props: { data: Item[]; leadingRows: number; onStartReached: () => void }) {
  return (
    <VirtualTable
      caption="Items"
      columns={columns}
      data={props.data}
      getRowId={(item) => item.id}
      leadingRows={props.leadingRows}
      onStartReached={props.onStartReached}
    />
  );
}

describe('VirtualTable with released rows', () => {
  it('keeps every loaded row at its place in the whole list', async () => {
    render(<Table data={items(100, 50)} leadingRows={100} onStartReached={() => {}} />);
    const region = screen.getByRole('region', { name: 'Items' });
    fireEvent.scroll(region, { target: { scrollTop: 1_000_000 } });
    // The last of 150 rows (100 released, 50 loaded), after the header row.
    const row = await within(region).findByRole('row', { name: 'item-149' });
    expect(row).toHaveAttribute('aria-rowindex', '151');
  });

  it('loads released rows back when the reader is among them', async () => {
    const onStartReached = vi.fn();
    render(<Table data={items(100, 50)} leadingRows={100} onStartReached={onStartReached} />);
    await waitFor(() => expect(onStartReached).toHaveBeenCalled());
  });

  it('does not load back rows released under the reader until the reader scrolls', async () => {
    const onStartReached = vi.fn();
    const { rerender } = render(<Table data={items(0, 50)} leadingRows={0} onStartReached={onStartReached} />);
    const region = screen.getByRole('region', { name: 'Items' });
    await within(region).findByRole('row', { name: 'item-0' });

    // The first ten rows leave memory while the reader looks at the top.
    rerender(<Table data={items(10, 50)} leadingRows={10} onStartReached={onStartReached} />);
    await waitFor(() => expect(within(region).queryByRole('row', { name: 'item-0' })).toBeNull());
    expect(onStartReached).not.toHaveBeenCalled();

    fireEvent.scroll(region, { target: { scrollTop: 400 } });
    await waitFor(() => expect(onStartReached).toHaveBeenCalled());
  });
});

describe('VirtualTable with fixed-height rows', () => {
  it('places rows at their known height without reading any row back from the layout', async () => {
    const reads: string[] = [];
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      reads.push(this.tagName);
      return original.get!.call(this) as number;
    });
    render(<VirtualTable caption="Items" columns={columns} data={items(0, 1_000)} getRowId={(item) => item.id} fixedRowHeight={41} />);
    const region = screen.getByRole('region', { name: 'Items' });
    const first = await within(region).findByRole('row', { name: 'item-0' });
    expect(first).toHaveStyle({ height: '41px' });

    // Row 500 starts at 500 × 41 px: scrolled there, it is the first row in view.
    fireEvent.scroll(region, { target: { scrollTop: 500 * 41 } });
    const row = await within(region).findByRole('row', { name: 'item-500' });
    expect(row).toHaveAttribute('aria-rowindex', '502');
    expect(within(region).queryByRole('row', { name: 'item-0' })).toBeNull();
    expect(reads.filter((tag) => tag === 'TR')).toEqual([]);
  });

  it('measures rows without a fixed height (the default)', async () => {
    const reads: string[] = [];
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      reads.push(this.tagName);
      return original.get!.call(this) as number;
    });
    render(<VirtualTable caption="Items" columns={columns} data={items(0, 1_000)} getRowId={(item) => item.id} />);
    await within(screen.getByRole('region', { name: 'Items' })).findByRole('row', { name: 'item-0' });
    await waitFor(() => expect(reads.filter((tag) => tag === 'TR').length).toBeGreaterThan(0));
  });

  it('measures only the rows opened to their full content, and holds them to no fixed height', async () => {
    const read: HTMLElement[] = [];
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      if (this.tagName === 'TR') read.push(this);
      return original.get!.call(this) as number;
    });
    const openIs = (id: string | null) => (item: Item) => item.id === id;
    const table = (isRowOpen: (item: Item) => boolean) => (
      <VirtualTable caption="Items" columns={columns} data={items(0, 1_000)} getRowId={(item) => item.id} fixedRowHeight={41} isRowOpen={isRowOpen} />
    );
    const { rerender } = render(table(openIs('item-3')));
    const region = screen.getByRole('region', { name: 'Items' });
    const open = await within(region).findByRole('row', { name: 'item-3' });
    expect(open).not.toHaveStyle({ height: '41px' });
    expect(within(region).getByRole('row', { name: 'item-4' })).toHaveStyle({ height: '41px' });
    await waitFor(() => expect(read.length).toBeGreaterThan(0));
    expect(new Set(read.map((row) => row.getAttribute('aria-rowindex')))).toEqual(new Set(['5']));

    // Closed again, it is back at the fixed height.
    rerender(table(openIs(null)));
    await waitFor(() => expect(within(region).getByRole('row', { name: 'item-3' })).toHaveStyle({ height: '41px' }));
  });
});
