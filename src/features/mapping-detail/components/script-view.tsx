import '../mapping-detail.css';
/**
 * Scripts, filters and free-form values of a mapping, shown as text: a filter string as code, a
 * script object with its type and its inline source or file, anything else as JSON.
 */
export interface ScriptLike {
  type?: unknown;
  source?: unknown;
  file?: unknown;
  globals?: unknown;
}

export function isScript(value: unknown): value is ScriptLike {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as ScriptLike;
  return typeof v.source === 'string' || typeof v.file === 'string';
}

export function JsonText({ value }: { value: unknown }) {
  if (typeof value === 'string') return <code className="break">{value}</code>;
  if (value === null || typeof value !== 'object') return <code>{JSON.stringify(value)}</code>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

export function ScriptView({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    return (
      <div className="script-view">
        <span className="muted">Filter</span>
        <pre className="code-block">{value}</pre>
      </div>
    );
  }
  if (isScript(value)) {
    const globals = value.globals && typeof value.globals === 'object' && Object.keys(value.globals).length > 0 ? value.globals : null;
    return (
      <div className="script-view">
        <span className="muted">Script{typeof value.type === 'string' ? ` (${value.type})` : ''}</span>
        {typeof value.source === 'string' ? <pre className="code-block">{value.source}</pre> : null}
        {typeof value.file === 'string' ? (
          <p>
            From file <code>{value.file}</code>
          </p>
        ) : null}
        {globals ? (
          <>
            <span className="muted">Globals</span>
            <pre className="code-block">{JSON.stringify(globals, null, 2)}</pre>
          </>
        ) : null}
      </div>
    );
  }
  return <JsonText value={value} />;
}

/** A "yes" that opens to show the script or filter, or "no". */
export function Applies({ value, what, target }: { value: unknown; what: string; target: string }) {
  if (value === undefined || value === null) return <span className="muted">No</span>;
  const kind = typeof value === 'string' ? 'filter' : isScript(value) ? 'script' : 'value';
  return (
    <details className="inline-details">
      <summary aria-label={`${what} for ${target}: show the ${kind}`}>Yes, {kind}</summary>
      <ScriptView value={value} />
    </details>
  );
}
