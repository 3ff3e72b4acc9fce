import { usePageTitle } from '../components/use-page-title';
import { ConfigError, EXAMPLE_CONFIG } from '../config/runtime-config';
import './config-error-page.css';

/** Shown instead of the console when config.json is missing or invalid: what is wrong, and an example. */
export function ConfigErrorPage({ error }: { error: unknown }) {
  usePageTitle('The console is not configured');
  const message = error instanceof Error ? error.message : String(error);
  const url = error instanceof ConfigError ? error.url : 'config.json';
  return (
    <main className="config-error">
      <h1>The console is not configured</h1>
      <p role="alert">{message}</p>
      <p>
        Put a <code>config.json</code> beside <code>index.html</code> (served at <code>{url}</code>) like this one:
      </p>
      <pre>{EXAMPLE_CONFIG}</pre>
      <p>
        <code>tenantUrl</code> is the origin of your tenant; <code>&quot;mock&quot;: true</code> runs the console on its built-in mock tenant instead.
      </p>
    </main>
  );
}
