/**
 * Linked resources: the objects linked to one resource, through any mapping. Each one can be
 * pivoted to; the trail of pivots is shown and kept in the URL with the current resource, so a
 * reload, the back button or a shared link returns to the same place.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { ListState } from '../../../components/list-state';
import { EmptyState } from '../../../components/states';
import { focusIfPossible, wasRescued } from '../../../components/focus-rescue';
import { usePageTitle } from '../../../components/use-page-title';
import { CrestError } from '../../../lib/api-error';
import { linkedResourceQueries } from '../api/queries';
import { backTo, checkResourcePath, linkedResourcesHref, pivot, readLinkedResourcesView, writeLinkedResourcesView } from '../linked-resources-view';
import { LinkedResourceCard } from './linked-resource-card';
import { ResourceForm } from './resource-form';
import '../linked-resources.css';

export function LinkedResourcesPage() {
  usePageTitle('Linked resources');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readLinkedResourcesView(searchParams), [searchParams]);
  const pathProblem = view.resourceName ? checkResourcePath(view.resourceName) : null;
  const query = useQuery({ ...linkedResourceQueries.of(view.resourceName), enabled: view.resourceName !== '' && pathProblem === null });
  const notFound = query.error instanceof CrestError && query.error.status === 404;
  const entries = query.data?.items ?? [];
  const unreadable = query.data?.unreadable ?? [];
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // A pivot (a card's name) or a trail step removes the link just used: focus would fall to
  // <body>, and the safety net would put it on the page heading. The new results' heading, which
  // says how many are linked to what, is the better place, once it is there.
  // Only after the resource changed here, not on arriving at the page.
  const shownName = useRef(view.resourceName);
  const moved = useRef(false);
  useEffect(() => {
    if (shownName.current === view.resourceName) return;
    shownName.current = view.resourceName;
    moved.current = true;
  }, [view.resourceName]);
  useEffect(() => {
    if (!moved.current || !resultsHeading.current) return;
    moved.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || wasRescued(active)) focusIfPossible(resultsHeading.current);
  }, [query.data]);

  return (
    <section className="page" aria-labelledby="linked-heading">
      <header className="page-header">
        <h1 id="linked-heading">Linked resources</h1>
        <p className="page-lede">The objects linked to one resource by the mappings, with their content.</p>
      </header>
      <ResourceForm initial={view.resourceName} onSubmit={(resourceName) => setSearchParams(writeLinkedResourcesView({ resourceName, trail: [] }))} />
      {view.trail.length > 0 ? (
        <nav aria-label="Pivot trail" className="trail">
          <ol>
            {view.trail.map((step, index) => (
              <li key={`${index}-${step}`}>
                <Link to={linkedResourcesHref(backTo(view, index))} className="mono">
                  {step}
                </Link>
              </li>
            ))}
            <li>
              <span className="mono" aria-current="page">
                {view.resourceName}
              </span>
            </li>
          </ol>
        </nav>
      ) : null}
      {view.resourceName === '' ? (
        <EmptyState title="Choose a resource">
          <p>
            Enter a resource path such as <code>managed/alpha_user/&lt;id&gt;</code> or <code>system/ldap/account/&lt;id&gt;</code>, or pick its collection
            first.
          </p>
        </EmptyState>
      ) : pathProblem ? (
        <EmptyState title="This is not a resource path">
          <p>
            <code>{view.resourceName}</code>: {pathProblem}
          </p>
        </EmptyState>
      ) : (
        <ListState
          query={query}
          data={query.data}
          loading={`Loading the resources linked to ${view.resourceName}…`}
          // A 404 names the object: trying again will not make it exist.
          error={{ title: notFound ? `Not found: ${view.resourceName}` : 'The linked resources could not be loaded', retry: !notFound }}
          // Any error shows as such, even over an earlier answer: a stale list of links would mislead.
          hasData={!query.isError}
          header={
            <div className="result-header">
              <h2 id={`${id}-results`} ref={resultsHeading} tabIndex={-1}>
                {entries.length === 0 ? 'No linked resources' : `${entries.length} linked ${entries.length === 1 ? 'resource' : 'resources'}`} for{' '}
                <span className="mono resource-name">{view.resourceName}</span>
              </h2>
              <CopyButton text={view.resourceName} label={`Copy the resource name ${view.resourceName}`}>
                Copy name
              </CopyButton>
            </div>
          }
          unreadable={{ items: unreadable, noun: 'linked resource', plural: 'linked resources', total: entries.length + unreadable.length }}
          isEmpty={entries.length === 0 && unreadable.length === 0}
          empty={{
            title: 'Nothing is linked to this id',
            body: (
              <p>
                No mapping links <span className="mono">{view.resourceName}</span> to another object. The server looks links up by id and does not check that
                the object exists, so an id with a typo, or of an object that does not exist, looks the same. If the object does exist, a reconciliation or a
                change to it may create links.
              </p>
            ),
          }}
        >
          <div className="linked-list">
            {entries.map((entry, index) => (
              <LinkedResourceCard
                key={`${entry.resourceName}|${entry.linkType ?? ''}|${entry.linkQualifier ?? ''}|${index}`}
                entry={entry}
                headingId={`${id}-entry-${index}`}
                pivotHref={linkedResourcesHref(pivot(view, entry.resourceName))}
              />
            ))}
          </div>
        </ListState>
      )}
    </section>
  );
}
