/**
 * Every one of the 13 situations with the action the mapping sets (a name or a script, with its
 * condition and post-action), or the engine's default, marked as such, where it sets none.
 */
import type { Policy } from '../api/schemas';
import { SITUATIONS } from '../situations';
import { ScriptView, isScript } from './script-view';
import '../mapping-detail.css';

function ActionView({ action }: { action: unknown }) {
  if (typeof action === 'string') return <span className="mono action-name">{action}</span>;
  if (isScript(action)) {
    return (
      <details className="inline-details">
        <summary>Decided by a script</summary>
        <ScriptView value={action} />
      </details>
    );
  }
  return <span className="muted">not set</span>;
}

export function PoliciesTable({ policies }: { policies: Policy[] }) {
  const known = new Set(SITUATIONS.map((s) => s.name));
  const unknown = policies.filter((p) => !known.has(p.situation));
  return (
    <div className="table-scroll">
      <table className="data-table policies-table">
        <caption className="visually-hidden">Situation policies</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Action</th>
            <th scope="col">Condition</th>
            <th scope="col">Post-action</th>
          </tr>
        </thead>
        <tbody>
          {[...SITUATIONS.map((s) => s.name), ...unknown.map((p) => p.situation)]
            .filter((name, i, all) => all.indexOf(name) === i)
            .flatMap((name) => {
              const info = SITUATIONS.find((s) => s.name === name);
              const set = policies.filter((p) => p.situation === name);
              const heading = (
                <th scope="row" rowSpan={Math.max(1, set.length)}>
                  <span className="mono">{name}</span> <span className="situation-meaning">{info ? info.meaning : 'Not a situation this console knows'}</span>
                </th>
              );
              if (set.length === 0) {
                return [
                  <tr key={name} className="policy-default">
                    {heading}
                    <td>
                      <span className="mono action-name">{info?.defaultAction ?? 'unknown'}</span> <span className="badge">engine default</span>
                      {info?.documentedDefault ? <span className="muted"> (documented as {info.documentedDefault}, same effect)</span> : null}
                    </td>
                    <td>
                      <span className="muted">—</span>
                    </td>
                    <td>
                      <span className="muted">—</span>
                    </td>
                  </tr>,
                ];
              }
              return set.map((p, index) => (
                <tr key={`${name}-${index}`}>
                  {index === 0 ? heading : null}
                  <td>
                    <ActionView action={p.action} />
                  </td>
                  <td>{p.condition === undefined ? <span className="muted">—</span> : <ScriptView value={p.condition} />}</td>
                  <td>{p.postAction === undefined ? <span className="muted">—</span> : <ScriptView value={p.postAction} />}</td>
                </tr>
              ));
            })}
        </tbody>
      </table>
    </div>
  );
}
