/**
 * Linked resources: the objects linked to one resource, through any mapping. Each one can be
 * pivoted to; the trail of pivots is shown and kept in the URL with the current resource, so a
 * reload, the back button or a shared link returns to the same place.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { UnreadableItems } from '../../../components/unreadable-items';
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
      ) : query.isPending ? (
        <LoadingState label={`Loading the resources linked to ${view.resourceName}…`} />
      ) : notFound ? (
        <ErrorState title={`Not found: ${view.resourceName}`} error={query.error} />
      ) : query.isError ? (
        <ErrorState
          title="The linked resources could not be loaded"
          error={query.error}
          action={
            <button type="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          }
        />
      ) : (
        <>
          <div className="result-header">
            <h2 id={`${id}-results`}>
              {entries.length === 0 ? 'No linked resources' : `${entries.length} linked ${entries.length === 1 ? 'resource' : 'resources'}`} for{' '}
              <span className="mono resource-name">{view.resourceName}</span>
            </h2>
            <CopyButton text={view.resourceName} label={`Copy the resource name ${view.resourceName}`}>
              Copy name
            </CopyButton>
          </div>
          <UnreadableItems
            items={unreadable}
            noun={unreadable.length === 1 ? 'linked resource' : 'linked resources'}
            total={entries.length + unreadable.length}
          />
          {entries.length === 0 && unreadable.length === 0 ? (
            <EmptyState title="Nothing is linked to this id">
              <p>
                No mapping links <span className="mono">{view.resourceName}</span> to another object. The server looks links up by id and does not check that
                the object exists, so an id with a typo, or of an object that does not exist, looks the same. If the object does exist, a reconciliation or a
                change to it may create links.
              </p>
            </EmptyState>
          ) : (
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
          )}
        </>
      )}
    </section>
  );
}
