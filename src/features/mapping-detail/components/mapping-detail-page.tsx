/**
 * One mapping, from its configuration (`config/sync`, or `config/mapping/<name>` for a per-file
 * mapping): source → target, attribute properties, the 13 situation policies, correlation, valid
 * source/target, queued-sync settings and every other key it sets; its queued events; and a place
 * for its recon runs, which another feature provides (composed in src/app through `reconPanel`).
 * The link to its queued events is built by the sync queue's own URL builder, handed in by src/app
 * (`queueUrl`): this feature may not import that one, and must not spell its parameters itself.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { ErrorState, LoadingState } from '../../../components/states';
import { usePageTitle } from '../../../components/use-page-title';
import { paths } from '../../../config/paths';
import { useRouteParams } from '../../../config/use-route-params';
import { CrestError } from '../../../lib/api-error';
import { mappingDetailQueries } from '../api/queries';
import { useLocatedMapping } from '../api/use-located-mapping';
import type { MappingConfig } from '../api/schemas';
import { SECTION_KEYS } from '../situations';
import { PoliciesTable } from './policies-table';
import { PropertiesTable } from './properties-table';
import { JsonText, ScriptView, isScript } from './script-view';
import '../mapping-detail.css';

export interface MappingDetailPageProps {
  /** The mapping's recon runs with launch/cancel: a node, or a function of the mapping's name. */
  reconPanel?: ReactNode | ((mappingName: string) => ReactNode);
  /** The sync queue filtered to one mapping's events; without it the count is not a link. */
  queueUrl?: (mappingName: string) => string;
}

/** Documented queuedSync defaults (idm-api.md §4.3). */
const QUEUED_SYNC_DEFAULTS: [string, string][] = [
  ['enabled', 'false'],
  ['pageSize', '100'],
  ['pollingInterval', '1000 ms'],
  ['maxQueueSize', '1000'],
  ['maxRetries', 'infinite'],
  ['retryDelay', '1000 ms'],
  ['postRetryAction', 'logged-ignore'],
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function QueuedCount({ name, queueUrl }: { name: string; queueUrl: MappingDetailPageProps['queueUrl'] }) {
  const query = useQuery(mappingDetailQueries.queuedCount(name));
  const text = query.isPending
    ? 'Counting queued events…'
    : query.isError
      ? 'Queued events could not be counted'
      : query.data.more
        ? `More than ${query.data.count} queued events`
        : `${query.data.count} queued ${query.data.count === 1 ? 'event' : 'events'}`;
  return (
    <p className="queued-count">
      {queueUrl ? <Link to={queueUrl(name)}>{text}</Link> : text}
      {query.isError ? <span className="muted"> ({query.error.message})</span> : null}
    </p>
  );
}

function QueuedSyncSettings({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <p className="muted">Not configured: changes are synchronized as they happen, not queued.</p>;
  if (typeof value !== 'object' || Array.isArray(value)) return <JsonText value={value} />;
  const settings = value as Record<string, unknown>;
  const extra = Object.keys(settings).filter((k) => !QUEUED_SYNC_DEFAULTS.some(([d]) => d === k));
  return (
    <dl className="facts">
      {QUEUED_SYNC_DEFAULTS.map(([key, fallback]) => (
        <div key={key} className="fact">
          <dt className="mono">{key}</dt>
          <dd>
            {settings[key] === undefined ? (
              <span className="muted">not set (default {fallback})</span>
            ) : isScript(settings[key]) ? (
              <ScriptView value={settings[key]} />
            ) : (
              <JsonText value={settings[key]} />
            )}
          </dd>
        </div>
      ))}
      {extra.map((key) => (
        <div key={key} className="fact">
          <dt className="mono">{key}</dt>
          <dd>
            <JsonText value={settings[key]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Optional({ value, none }: { value: unknown; none: string }) {
  if (value === undefined || value === null) return <p className="muted">{none}</p>;
  if (Array.isArray(value)) {
    return (
      <ol className="plain-list">
        {value.map((item, i) => (
          <li key={i}>{isScript(item) || typeof item === 'string' ? <ScriptView value={item} /> : <JsonText value={item} />}</li>
        ))}
      </ol>
    );
  }
  return <ScriptView value={value} />;
}

function OtherSettings({ config }: { config: MappingConfig }) {
  const keys = Object.keys(config).filter((k) => !SECTION_KEYS.has(k));
  if (keys.length === 0) return <p className="muted">No other settings are set; the engine's defaults apply.</p>;
  return (
    <dl className="facts">
      {keys.map((key) => (
        <div key={key} className="fact">
          <dt className="mono">{key}</dt>
          <dd>{isScript(config[key]) ? <ScriptView value={config[key]} /> : <JsonText value={config[key]} />}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MappingDetailPage({ reconPanel, queueUrl }: MappingDetailPageProps) {
  const { name } = useRouteParams('mapping');
  usePageTitle(name ? `Mapping ${name}` : 'Mapping');
  const query = useLocatedMapping(name);

  if (query.isPending) return <LoadingState label={`Loading the mapping ${name}…`} />;
  if (query.isError) {
    const notFound = query.error instanceof CrestError && query.error.status === 404;
    return (
      <section className="page" aria-labelledby="mapping-heading">
        <h1 id="mapping-heading">
          Mapping <span className="mono">{name}</span>
        </h1>
        <ErrorState
          title={notFound ? 'No such mapping' : 'The mapping could not be loaded'}
          error={query.error}
          action={
            <>
              {notFound ? null : (
                <button type="button" onClick={() => void query.refetch()}>
                  Try again
                </button>
              )}
              <Link to={paths.mappings}>All mappings</Link>
            </>
          }
        />
      </section>
    );
  }

  const { config, location, summaryOnly } = query.data;
  const raw = JSON.stringify(config, null, 2);
  const panel = typeof reconPanel === 'function' ? reconPanel(config.name) : reconPanel;

  return (
    <article className="page mapping-detail" aria-labelledby="mapping-heading">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={paths.mappings}>Mappings</Link> ›
        </p>
        <h1 id="mapping-heading">
          Mapping <span className="mono">{config.name}</span>
        </h1>
        {config.displayName ? <p className="page-lede">{config.displayName}</p> : null}
        <p className="mapping-ends">
          <span className="mono">{config.source}</span> <span aria-label="to">→</span> <span className="mono">{config.target}</span>
        </p>
        <p className="muted">
          {location === 'sync/mappings' ? 'Read from' : 'Configured in'} <code>{location}</code>
          {config._id && location !== 'sync/mappings' ? (
            <>
              {' '}
              as <code>{config._id}</code>
            </>
          ) : null}
        </p>
        {summaryOnly ? (
          <p className="notice notice-info" role="note">
            Only this mapping’s summary could be read: it is neither in <code>config/sync</code> nor at <code>config/mapping/{config.name}</code>, and its{' '}
            <code>sync/mappings</code> item carries no properties or policies. The sections below show only what that item holds.
          </p>
        ) : null}
      </header>

      <div className="detail-grid">
        <Section id="recon-heading" title="Recent recon runs">
          {panel ?? <p className="muted placeholder-panel">Recon runs for this mapping, with launch and cancel, appear here.</p>}
        </Section>
        <Section id="queue-heading" title="Sync queue">
          <QueuedCount name={config.name} queueUrl={queueUrl} />
        </Section>
      </div>

      <Section id="properties-heading" title="Attribute properties">
        {summaryOnly ? (
          <p className="muted">Not known: the server’s summary of this mapping does not include them.</p>
        ) : (
          <PropertiesTable properties={config.properties ?? []} />
        )}
      </Section>

      <Section id="policies-heading" title="Situation policies">
        {summaryOnly ? (
          <p className="muted">Not known: the server’s summary of this mapping does not include them.</p>
        ) : (
          <PoliciesTable policies={config.policies ?? []} />
        )}
      </Section>

      <Section id="correlation-heading" title="Correlation">
        <h3>Correlation query</h3>
        <Optional value={config.correlationQuery} none="No correlation query." />
        {config.correlationScript !== undefined ? (
          <>
            <h3>Correlation script</h3>
            <Optional value={config.correlationScript} none="" />
          </>
        ) : null}
      </Section>

      <Section id="validity-heading" title="Valid source and target">
        <h3>Valid source</h3>
        <Optional value={config.validSource} none="Not set: every source object is valid." />
        <h3>Valid target</h3>
        <Optional value={config.validTarget} none="Not set: every target object is valid." />
        <h3>Source condition</h3>
        <Optional value={config.sourceCondition} none="Not set." />
      </Section>

      <Section id="queued-sync-heading" title="Queued synchronization">
        <QueuedSyncSettings value={config.queuedSync} />
      </Section>

      <Section id="other-heading" title="Other settings">
        <OtherSettings config={config} />
      </Section>

      <details className="raw-json">
        <summary>Raw configuration (JSON)</summary>
        <CopyButton text={raw} label="Copy the mapping configuration as JSON">
          Copy JSON
        </CopyButton>
        <pre>{raw}</pre>
      </details>
    </article>
  );
}
