/**
 * One linked resource: its name (a pivot to its own linked resources), the link type (a link to
 * that mapping's page), the link qualifier, and its content as an attribute table with a raw-JSON
 * view; or, when the server could not read it, the server's error.
 */
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { paths } from '../../../config/paths';
import type { LinkedResource } from '../api/schemas';
import { ContentTable } from './content-table';
import '../linked-resources.css';

export function LinkedResourceCard({ entry, pivotHref, headingId }: { entry: LinkedResource; pivotHref: string; headingId: string }) {
  const json = JSON.stringify(entry, null, 2);
  const unreadable = entry.content == null;
  return (
    <article className={unreadable ? 'linked-card linked-card-error' : 'linked-card'} aria-labelledby={headingId}>
      <header className="linked-card-header">
        <h3 id={headingId} className="mono resource-name">
          <Link to={pivotHref} title="Show the resources linked to this one">
            {entry.resourceName}
          </Link>
        </h3>
        <CopyButton text={entry.resourceName} label={`Copy the resource name ${entry.resourceName}`}>
          Copy name
        </CopyButton>
      </header>
      <dl className="facts">
        <dt>Link type</dt>
        <dd>
          {entry.linkType ? (
            <Link to={paths.mapping(entry.linkType)} className="mono">
              {entry.linkType}
            </Link>
          ) : (
            <span className="muted">not given</span>
          )}
        </dd>
        <dt>Link qualifier</dt>
        <dd className="mono">{entry.linkQualifier ?? <span className="muted">not given</span>}</dd>
        {entry.mappings && entry.mappings.length > 0 ? (
          <>
            <dt>Mappings</dt>
            <dd>
              {entry.mappings.map((m, i) => (
                <span key={`${m.name}-${i}`}>
                  {i > 0 ? ', ' : ''}
                  <Link to={paths.mapping(m.name)} className="mono">
                    {m.name}
                  </Link>
                  {m.type ? ` (it is the ${m.type})` : ''}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {unreadable ? (
        <div className="state state-error" role="status">
          <p className="error-message">This linked object could not be read.</p>
          <p>{entry.error ? `The server said: ${entry.error}` : 'The server sent no content and no reason.'}</p>
        </div>
      ) : (
        <ContentTable content={entry.content!} caption={`Content of ${entry.resourceName}`} />
      )}
      <details className="raw-json">
        <summary>Raw JSON</summary>
        <CopyButton text={json} label={`Copy the raw JSON of ${entry.resourceName}`}>
          Copy JSON
        </CopyButton>
        <pre>{json}</pre>
      </details>
    </article>
  );
}
