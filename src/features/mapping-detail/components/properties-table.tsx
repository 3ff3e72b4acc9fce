/** The attribute mappings: source → target, and whether a transform, condition or default applies. */
import type { PropertyMapping } from '../api/schemas';
import { Applies, JsonText } from './script-view';

function SourceText({ source }: { source: string | null | undefined }) {
  if (source === undefined || source === null) return <span className="muted">none</span>;
  if (source === '') return <span className="muted">whole source object</span>;
  return <span className="mono">{source}</span>;
}

export function PropertiesTable({ properties }: { properties: PropertyMapping[] }) {
  if (properties.length === 0) return <p className="muted">This mapping sets no attribute properties.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table properties-table">
        <caption className="visually-hidden">Attribute properties</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Target</th>
            <th scope="col">Transform</th>
            <th scope="col">Condition</th>
            <th scope="col">Default</th>
          </tr>
        </thead>
        <tbody>
          {properties.map((p, index) => (
            <tr key={`${p.target}-${index}`}>
              <td>
                <SourceText source={p.source} />
              </td>
              <th scope="row" className="mono">
                {p.target}
              </th>
              <td>
                <Applies value={p.transform} what="Transform" target={p.target} />
              </td>
              <td>
                <Applies value={p.condition} what="Condition" target={p.target} />
              </td>
              <td>{p.default === undefined ? <span className="muted">No</span> : <JsonText value={p.default} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
