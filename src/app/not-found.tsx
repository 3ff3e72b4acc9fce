import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { paths } from '../config/paths';

export function NotFound() {
  usePageTitle('Page not found');
  const location = useLocation();
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>.
      </p>
      <p>
        <Link to={paths.mappings}>Go to Mappings</Link>
      </p>
    </section>
  );
}
