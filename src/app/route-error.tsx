import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { paths } from '../config/paths';
import { describeError } from '../lib/api-error';

/** Catches what a page throws while rendering; the header and navigation stay usable. */
export function RouteError() {
  usePageTitle('Something went wrong on this page');
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : describeError(error);
  return (
    <section className="page" role="alert">
      <h1>Something went wrong on this page</h1>
      <p className="error-message">{message}</p>
      <p>
        <Link to={paths.mappings}>Go to Mappings</Link> or reload the page.
      </p>
    </section>
  );
}
