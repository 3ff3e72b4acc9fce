/**
 * A small production web server for the built console, as a deploy would run it: the SPA fallback,
 * long caching for hashed assets, no caching for index.html and config.json, and a
 * Content-Security-Policy without unsafe-inline/unsafe-eval. The e2e suite tests the build through it.
 *
 *   tsx scripts/serve.ts --dir dist --port 4173 [--base /console/] [--config '{"tenantUrl":"…"}']
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  dir: string;
  port: number;
  base?: string;
  /** Served as config.json instead of the file in `dir`. */
  config?: string;
  /** Extra origins the console may connect to (the tenant), added to the CSP's connect-src. */
  connectSrc?: string[];
}

export function contentSecurityPolicy(connectSrc: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectSrc.join(' ')}`.trim(),
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function startStaticServer(options: ServeOptions) {
  const root = resolve(options.dir);
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const csp = contentSecurityPolicy(options.connectSrc ?? []);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(base.length));
    const security = {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (relative === 'config.json' && options.config !== undefined) {
      res.writeHead(200, { ...security, 'content-type': TYPES['.json']!, 'cache-control': 'no-store' }).end(options.config);
      return;
    }
    let file = normalize(join(root, relative));
    if (!file.startsWith(root)) {
      res.writeHead(400).end();
      return;
    }
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile) {
      // Unknown files with an extension are real 404s; anything else is a console route.
      if (extname(relative) !== '') {
        res.writeHead(404, { ...security, 'content-type': TYPES['.txt']! }).end('Not found');
        return;
      }
      file = join(root, 'index.html');
    }
    const hashed = relative.startsWith('assets/');
    res.writeHead(200, {
      ...security,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise<typeof server>((done) => server.listen(options.port, '127.0.0.1', () => done(server)));
}

if (process.argv[1]?.endsWith('serve.ts')) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      base: { type: 'string', default: '/' },
      config: { type: 'string' },
      connect: { type: 'string', default: '' },
    },
  });
  const options: ServeOptions = {
    dir: values.dir!,
    port: Number(values.port),
    base: values.base!,
    config: values.config,
    connectSrc: values.connect!.split(',').filter(Boolean),
  };
  void startStaticServer(options).then(() => {
    console.log(`Console served from ${options.dir} at http://127.0.0.1:${options.port}${options.base}`);
  });
}
