import { NavLink, Outlet } from 'react-router';
import { useFocusRescue } from '../components/focus-rescue';
import { JumpBoxLauncher } from '../components/jump-box-launcher';
import { TimeZoneSwitch } from '../components/time';
import { APP_NAME } from '../components/use-page-title';
import { paths } from '../config/paths';
import { useSession } from '../features/auth/session';
import { ConnectionNotices } from './connection-notices';
import { tenantLabel } from './tenant-label';
import './layout.css';

const loadJumpBox = async () => (await import('./app-jump-box')).AppJumpBox;

const NAV = [
  { to: paths.overview, label: 'Overview' },
  { to: paths.mappings, label: 'Mappings' },
  { to: paths.recon, label: 'Recon runs' },
  { to: paths.syncQueue, label: 'Sync queue' },
  { to: paths.linkedResources, label: 'Linked resources' },
];

function SessionInfo() {
  const session = useSession();
  return (
    <div className="header-end">
      <TimeZoneSwitch />
      <span>
        Tenant: <span className="mono">{tenantLabel()}</span>
      </span>
      {session.status === 'signed-in' ? (
        <>
          <span>{session.userName ? `Signed in as ${session.userName}` : 'Signed in with an access token'}</span>
          <button type="button" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </>
      ) : null}
    </div>
  );
}

export function Layout() {
  useFocusRescue();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">{APP_NAME}</span>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === paths.overview}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <JumpBoxLauncher load={loadJumpBox} />
        <SessionInfo />
      </header>
      <main id="main" tabIndex={-1}>
        <ConnectionNotices />
        <Outlet />
      </main>
    </div>
  );
}
