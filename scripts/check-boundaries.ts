/**
 * Proof that lint enforces the import rules README.md states ("Layout of the code"): each rule is
 * shown a deliberate violation, linted in memory under a real path with the project's own
 * eslint.config.js, and must report it; a permitted neighbour of each must stay clean, so the
 * rule is not simply rejecting everything. Exits non-zero when any case goes the wrong way.
 * Run by `npm run lint`.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Case {
  rule: string;
  /** Where the source pretends to live; only its directory matters to the rules. */
  file: string;
  source: string;
  /** The rule id that must fire, or null when the import is allowed. */
  expect: string | null;
}

const cases: Case[] = [
  {
    rule: 'a feature never imports another feature',
    file: 'src/features/recon/components/boundary-probe.tsx',
    source: "import { mappingsQuery } from '../../mappings/api/queries';\nexport const probe = mappingsQuery;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'a feature may import its own code and shared code',
    file: 'src/features/recon/components/boundary-probe.tsx',
    source: "import { CrestError } from '../../../lib/api-error';\nimport * as api from '../api/queries';\nexport const probe = [CrestError, api];\n",
    expect: null,
  },
  {
    rule: 'shared code never imports a feature (lib)',
    file: 'src/lib/boundary-probe.ts',
    source: "import * as recon from '../features/recon/api/queries';\nexport const probe = recon;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'shared code never imports a feature (components)',
    file: 'src/components/boundary-probe.tsx',
    source: "import * as mappings from '../features/mappings/api/queries';\nexport const probe = mappings;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'nothing imports app/ (from a feature)',
    file: 'src/features/mappings/boundary-probe.ts',
    source: "import * as router from '../../app/router';\nexport const probe = router;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'nothing imports app/ (from shared code)',
    file: 'src/components/boundary-probe.tsx',
    source: "import * as layout from '../app/layout';\nexport const probe = layout;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the console never imports the mock tenant',
    file: 'src/features/sync-queue/boundary-probe.ts',
    source: "import * as tenant from '../../../mocks/tenant';\nexport const probe = tenant;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the console never imports the mock tenant, even lazily, outside main.tsx',
    file: 'src/lib/boundary-probe.ts',
    source: "export const probe = () => import('../../mocks/browser');\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'main.tsx must not import the mock tenant statically',
    file: 'src/main.tsx',
    source: "import { startMockTenant } from '../mocks/browser';\nexport const probe = startMockTenant;\n",
    expect: 'no-restricted-imports',
  },
  {
    rule: 'main.tsx may import the mock tenant lazily',
    file: 'src/main.tsx',
    source: "export const probe = async () => (await import('../mocks/browser')).startMockTenant;\n",
    expect: null,
  },
  {
    rule: 'tests may use the mock tenant (they go through MSW)',
    file: 'src/features/recon/boundary-probe.test.ts',
    source: "import * as tenant from '../../../mocks/tenant';\nexport const probe = tenant;\n",
    expect: null,
  },
  {
    rule: 'the mock tenant never imports a feature',
    file: 'mocks/handlers/boundary-probe.ts',
    source: "import * as recon from '../../src/features/recon/api/schemas';\nexport const probe = recon;\n",
    expect: 'import-x/no-restricted-paths',
  },
  {
    rule: 'no import cycles (api-error.ts importing http.ts, which imports api-error.ts)',
    file: 'src/lib/api-error.ts',
    source: "import { API_VERSION_HEADER } from './http';\nexport const probe = API_VERSION_HEADER;\n",
    expect: 'import-x/no-cycle',
  },
];

const eslint = new ESLint({ cwd: root });
let failures = 0;
for (const c of cases) {
  const [result] = await eslint.lintText(c.source, { filePath: join(root, c.file) });
  const fired = (result?.messages ?? []).map((m) => m.ruleId ?? `parse error: ${m.message}`);
  const ok = c.expect === null ? fired.length === 0 : fired.includes(c.expect);
  if (!ok) failures += 1;
  const what = c.expect === null ? 'allowed' : `fails with ${c.expect}`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.rule}: ${what}${ok ? '' : `; got [${fired.join(', ')}]`}`);
}
if (failures > 0) {
  console.error(`${failures} of ${cases.length} boundary checks went the wrong way.`);
  process.exit(1);
}
console.log(`All ${cases.length} boundary checks behave as the README says.`);
