import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { JumpBox } from '../components/jump-box';
import { JumpBoxLauncher } from '../components/jump-box-launcher';
import { AppJumpBox } from './app-jump-box';
import { renderRoutes } from '../testing/render';
import { jumpUrls, searchMappingDestinations } from './jump-destinations';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderJump() {
  const page = (
    <>
      <JumpBox searchMappings={searchMappingDestinations} urls={jumpUrls} />
      <input aria-label="Some other field" />
      <Where />
    </>
  );
  return renderRoutes([{ path: '*', element: page }], '/');
}

describe('the jump box', () => {
  beforeEach(() => sessionStorage.clear());

  it('finds mappings by prefix on the server and goes to the one chosen with the keyboard', async () => {
    const user = userEvent.setup();
    const filters: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/sync/mappings')) filters.push(url.searchParams.get('_queryFilter') ?? '');
    });
    renderJump();
    const box = screen.getByRole('combobox', { name: 'Jump to' });
    await user.type(box, 'systemHrdb');
    expect(await screen.findByRole('option', { name: 'Mapping systemHrdb_managedUser' })).toBeInTheDocument();
    expect(filters.at(-1)).toBe('/name sw "systemHrdb"');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowUp}');
    const first = screen.getAllByRole('option')[0]!;
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent(`/mappings/${encodeURIComponent(first.textContent!.replace('Mapping ', ''))}`);
  });

  it('goes to a run by id and to an object by path, without asking for mappings', async () => {
    const user = userEvent.setup();
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(request.url));
    renderJump();
    const box = screen.getByRole('combobox', { name: 'Jump to' });
    await user.type(box, 'managed/alpha_user/1234');
    await user.click(screen.getByRole('option', { name: 'Linked resources of managed/alpha_user/1234' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/linked-resources?resourceName=managed%2Falpha_user%2F1234');
    const runId = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b-12';
    await user.type(box, runId);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent(`/recon/${runId}`);
    // Neither the path nor the id was ever sent as a mapping prefix.
    expect(requests.filter((url) => url.includes('alpha_user') || url.includes(runId))).toEqual([]);
  });

  it('offers recent destinations first (this tab only), and closes on Escape', async () => {
    const user = userEvent.setup();
    renderJump();
    const box = screen.getByRole('combobox', { name: 'Jump to' });
    await user.type(box, 'managed/alpha_user/1{Enter}');
    await user.type(box, 'managed/alpha_user/2{Enter}');
    expect(JSON.parse(sessionStorage.getItem('idm-console.jump.recent')!)).toHaveLength(2);
    expect(localStorage.length).toBe(0);
    box.blur();
    await user.click(box);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Linked resources of managed/alpha_user/2 · recent',
      'Linked resources of managed/alpha_user/1 · recent',
    ]);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('is focused by "/" or Ctrl+K, but not while typing in another field', async () => {
    const user = userEvent.setup();
    renderJump();
    const box = screen.getByRole('combobox', { name: 'Jump to' });
    const other = screen.getByRole('textbox', { name: 'Some other field' });
    await user.click(other);
    await user.keyboard('/');
    expect(other).toHaveValue('/');
    expect(other).toHaveFocus();
    other.blur();
    await user.keyboard('/');
    await waitFor(() => expect(box).toHaveFocus());
    expect(box).toHaveValue('');
    box.blur();
    await user.keyboard('{Control>}k{/Control}');
    expect(box).toHaveFocus();
  });

  it('loads its code on first use: "/" focuses the placeholder box, and what was typed meanwhile carries over', async () => {
    const user = userEvent.setup();
    let loads = 0;
    let deliver!: () => void;
    const load = () => {
      loads += 1;
      return new Promise<typeof AppJumpBox>((resolve) => (deliver = () => resolve(AppJumpBox)));
    };
    renderRoutes(
      [
        {
          path: '*',
          element: (
            <>
              <JumpBoxLauncher load={load} />
              <Where />
            </>
          ),
        },
      ],
      '/',
    );
    expect(loads).toBe(0);
    await user.keyboard('/');
    expect(screen.getByRole('combobox', { name: 'Jump to' })).toHaveFocus();
    expect(loads).toBe(1);
    await user.keyboard('systemHrdb');
    deliver();
    const option = await screen.findByRole('option', { name: 'Mapping systemHrdb_managedUser' });
    const box = screen.getByRole('combobox', { name: 'Jump to' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('systemHrdb');
    await user.click(option);
    expect(screen.getByTestId('where')).toHaveTextContent('/mappings/systemHrdb_managedUser');
    expect(loads).toBe(1);
  });
});
