import { NavLink, Outlet } from 'react-router';
import { APP_NAME } from '../components/use-page-title';
import { paths } from '../config/paths';

const NAV = [
  { to: paths.mappings, label: 'Mappings' },
  { to: paths.recon, label: 'Recon runs' },
  { to: paths.syncQueue, label: 'Sync queue' },
  { to: paths.linkedResources, label: 'Linked resources' },
];

export function Layout() {
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
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
