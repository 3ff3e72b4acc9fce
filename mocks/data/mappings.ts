/**
 * The mock tenant's mappings, in processing order: managed users, roles, LDAP/AD/HR/SaaS accounts
 * in both directions, and the seed documents' own examples (`mapping1`, `mapping4`, `mapping7` from
 * `source1`; `systemHrdb_managedUser`).
 */
import { SITUATION_NAMES } from '../../src/lib/idm-vocabulary';
import { createRandom, type Random } from '../random';

export interface MockPropertyMapping {
  source?: string;
  target: string;
  transform?: { type: string; source: string };
  condition?: string | { type: string; source: string };
  default?: unknown;
}

/** The configuration object as `config/sync` and `config/mapping/<name>` return it (no summary-only flags). */
export function mappingConfig(m: MockMapping): Record<string, unknown> {
  const { perFile: _perFile, syncMappingsOnly: _only, sourceRouteReady: _s, targetRouteReady: _t, ...config } = m;
  return config;
}

export interface MockPolicy {
  situation: string;
  action: string | { type: string; source: string };
  condition?: string | { type: string; source: string };
  postAction?: { type: string; source: string };
}

export interface MockMapping {
  name: string;
  displayName?: string;
  source: string;
  target: string;
  sourceRouteReady: boolean;
  targetRouteReady: boolean;
  /** Kept as its own `config/mapping/<name>` object rather than inside `config/sync`. */
  perFile?: boolean;
  /**
   * On the `aic` profile, in neither `config/sync` nor `config/mapping/<name>`: reachable only
   * through `sync/mappings`, whose item then carries its full configuration (idm-api.md §10).
   */
  syncMappingsOnly?: boolean;
  properties: MockPropertyMapping[];
  policies: MockPolicy[];
  runTargetPhase?: boolean;
  [key: string]: unknown;
}

interface System {
  connector: string;
  objectType: string;
  /** camel-case stem used in mapping names, e.g. `systemLdapAccounts` */
  stem: string;
  attributes: [string, string][];
  /** Connector currently unreachable: its route is not registered. */
  down?: boolean;
}

const SYSTEMS: System[] = [
  {
    connector: 'ldap',
    objectType: 'account',
    stem: 'systemLdapAccounts',
    attributes: [
      ['userName', 'uid'],
      ['givenName', 'givenName'],
      ['sn', 'sn'],
      ['mail', 'mail'],
    ],
  },
  {
    connector: 'ldap',
    objectType: 'group',
    stem: 'systemLdapGroups',
    attributes: [
      ['name', 'cn'],
      ['description', 'description'],
    ],
  },
  {
    connector: 'ad',
    objectType: 'account',
    stem: 'systemAdAccounts',
    attributes: [
      ['userName', 'sAMAccountName'],
      ['mail', 'userPrincipalName'],
      ['givenName', 'givenName'],
    ],
  },
  { connector: 'ad', objectType: 'group', stem: 'systemAdGroups', attributes: [['name', 'cn']] },
  {
    connector: 'hrdb',
    objectType: 'employee',
    stem: 'systemHrdbEmployees',
    attributes: [
      ['employeeNumber', 'employeeId'],
      ['givenName', 'firstName'],
      ['sn', 'lastName'],
    ],
  },
  {
    connector: 'workday',
    objectType: 'worker',
    stem: 'systemWorkdayWorkers',
    attributes: [
      ['employeeNumber', 'workerId'],
      ['mail', 'workEmail'],
    ],
  },
  {
    connector: 'salesforce',
    objectType: 'user',
    stem: 'systemSalesforceUsers',
    attributes: [
      ['userName', 'Username'],
      ['mail', 'Email'],
    ],
  },
  {
    connector: 'GoogleApps',
    objectType: '__ACCOUNT__',
    stem: 'systemGoogleAppsAccounts',
    attributes: [
      ['mail', '__NAME__'],
      ['givenName', 'givenName'],
    ],
  },
  {
    connector: 'servicenow',
    objectType: 'sys_user',
    stem: 'systemServicenowUsers',
    attributes: [
      ['userName', 'user_name'],
      ['mail', 'email'],
    ],
    down: true,
  },
  {
    connector: 'azuread',
    objectType: 'user',
    stem: 'systemAzureadUsers',
    attributes: [
      ['userName', 'userPrincipalName'],
      ['mail', 'mail'],
    ],
  },
  {
    connector: 'scim',
    objectType: 'User',
    stem: 'systemScimUsers',
    attributes: [
      ['userName', 'userName'],
      ['mail', 'emails'],
    ],
  },
  { connector: 'azuread', objectType: 'group', stem: 'systemAzureadGroups', attributes: [['name', 'displayName']] },
  {
    connector: 'okta',
    objectType: 'User',
    stem: 'systemOktaUsers',
    attributes: [
      ['userName', 'login'],
      ['mail', 'email'],
    ],
  },
  {
    connector: 'dbtable',
    objectType: 'users',
    stem: 'systemDbtableUsers',
    attributes: [
      ['userName', 'UID'],
      ['mail', 'EMAIL'],
    ],
  },
  {
    connector: 'slack',
    objectType: 'user',
    stem: 'systemSlackUsers',
    attributes: [
      ['userName', 'name'],
      ['mail', 'email'],
    ],
  },
  { connector: 'zendesk', objectType: 'user', stem: 'systemZendeskUsers', attributes: [['mail', 'email']] },
  { connector: 'github', objectType: 'member', stem: 'systemGithubMembers', attributes: [['userName', 'login']] },
  { connector: 'docusign', objectType: 'user', stem: 'systemDocusignUsers', attributes: [['mail', 'email']], down: true },
  {
    connector: "csv_o'neil",
    objectType: 'person',
    stem: 'systemCsvPersons',
    attributes: [
      ['userName', 'login'],
      ['mail', 'email'],
    ],
  },
];

const MANAGED = [
  { realm: 'alpha', object: 'user', stem: 'managedAlpha_user' },
  { realm: 'bravo', object: 'user', stem: 'managedBravo_user' },
  { realm: 'alpha', object: 'role', stem: 'managedAlpha_role' },
];

const DEFAULT_POLICIES: MockPolicy[] = [
  { situation: 'CONFIRMED', action: 'UPDATE' },
  { situation: 'FOUND', action: 'UPDATE' },
  { situation: 'ABSENT', action: 'CREATE' },
  { situation: 'AMBIGUOUS', action: 'EXCEPTION' },
  { situation: 'MISSING', action: 'UNLINK' },
  { situation: 'SOURCE_MISSING', action: 'DELETE' },
  { situation: 'UNQUALIFIED', action: 'DELETE' },
  { situation: 'UNASSIGNED', action: 'REPORT' },
];

function properties(system: System, inbound: boolean): MockPropertyMapping[] {
  return system.attributes.map(([managed, remote]) => (inbound ? { source: remote, target: managed } : { source: managed, target: remote }));
}

function mapping(name: string, source: string, target: string, extra: Partial<MockMapping> = {}): MockMapping {
  return {
    name,
    source,
    target,
    sourceRouteReady: true,
    targetRouteReady: true,
    properties: [],
    policies: DEFAULT_POLICIES,
    ...extra,
  };
}

/** The seed page's paging example: mapping0..9, of which mapping1, 4 and 7 come from source1. */
function seedExampleMappings(): MockMapping[] {
  return Array.from({ length: 10 }, (_, i) =>
    mapping(`mapping${i}`, `source${i % 3}`, `target${i % 4}`, {
      sourceRouteReady: false,
      targetRouteReady: false,
      policies: [],
    }),
  );
}

function realisticMappings(random: Random): MockMapping[] {
  const list: MockMapping[] = [
    mapping('systemHrdb_managedUser', 'system/hrdb/employee', 'managed/user', {
      displayName: 'HR database to users',
      properties: [
        { source: 'employeeId', target: 'employeeNumber' },
        { source: 'firstName', target: 'givenName' },
        { source: 'lastName', target: 'sn' },
        { source: '', target: 'displayName', transform: { type: 'text/javascript', source: "source.lastName + ', ' + source.firstName" } },
      ],
    }),
    mapping('systemLdapAccounts_managedUser', 'system/ldap/account', 'managed/user', { properties: properties(SYSTEMS[0]!, true) }),
    mapping('managedUser_systemLdapAccounts', 'managed/user', 'system/ldap/account', { properties: properties(SYSTEMS[0]!, false) }),
  ];
  for (const managed of MANAGED) {
    for (const system of SYSTEMS) {
      const isGroup = system.objectType === 'group';
      if ((managed.object === 'role') !== isGroup) continue;
      const systemPath = `system/${system.connector}/${system.objectType}`;
      const managedPath = `managed/${managed.realm}_${managed.object}`;
      const routeReady = !system.down;
      const sourceSystems = ['hrdb', 'workday', 'ldap', 'ad', `csv_o'neil`];
      if (sourceSystems.includes(system.connector)) {
        list.push(
          mapping(`${system.stem}_${managed.stem}`, systemPath, managedPath, {
            sourceRouteReady: routeReady,
            properties: properties(system, true),
            runTargetPhase: random() < 0.7,
          }),
        );
      }
      if (system.connector !== 'hrdb' && system.connector !== 'workday') {
        list.push(
          mapping(`${managed.stem}_${system.stem}`, managedPath, systemPath, {
            targetRouteReady: routeReady,
            properties: properties(system, false),
            runTargetPhase: random() < 0.5,
          }),
        );
      }
    }
  }
  list.push(
    mapping('managedAlpha_user_managedBravo_user', 'managed/alpha_user', 'managed/bravo_user', { perFile: true }),
    mapping('managedBravo_user_managedAlpha_user', 'managed/bravo_user', 'managed/alpha_user', { perFile: true }),
    mapping('managedAlpha_assignment_systemLdapGroups', 'managed/alpha_assignment', 'system/ldap/group', { perFile: true }),
    mapping('managedBravo_role_systemAdGroups', 'managed/bravo_role', 'system/ad/group', { perFile: true, syncMappingsOnly: true }),
    mapping('managedAlpha_organization_systemLdapOus', 'managed/alpha_organization', 'system/ldap/organizationalUnit', { perFile: true }),
  );
  return list;
}

const XSS_DEFAULT = '<img src=x onerror=alert(1)>';
const js = (source: string) => ({ type: 'text/javascript', source });
const ALL_SITUATIONS = SITUATION_NAMES;
const queued = (maxRetries: number, extra: Record<string, unknown> = {}) => ({
  enabled: true,
  pageSize: 100,
  pollingInterval: 1000,
  maxQueueSize: 1000,
  maxRetries,
  retryDelay: 1000,
  postRetryAction: 'logged-ignore',
  ...extra,
});

/**
 * Configuration beyond the summaries, for `config/sync` and `config/mapping/<name>`: transforms,
 * conditions, defaults, correlation, valid source/target, queued sync, situation policies (some
 * left to the engine's defaults). Merged after the summaries are built, so those stay unchanged.
 */
const CONFIG_EXTRAS: Record<string, Partial<MockMapping>> = {
  managedUser_systemLdapAccounts: {
    displayName: 'Users to LDAP',
    enableSync: true,
    correlationQuery: { type: 'text/javascript', source: "var qry = {'_queryFilter': 'uid eq \"' + source.userName + '\"'}; qry" },
    validSource: js("source.accountStatus === 'active'"),
    onCreate: js("target.dn = 'uid=' + source.userName + ',ou=People,dc=example,dc=com';"),
    triggerSyncProperties: ['/userName', '/givenName', '/sn', '/mail'],
    queuedSync: queued(5),
    properties: [
      { source: 'userName', target: 'uid' },
      { source: 'givenName', target: 'givenName' },
      { source: 'sn', target: 'sn' },
      { source: '', target: 'cn', transform: js("source.givenName + ' ' + source.sn") },
      { source: 'mail', target: 'mail', condition: js('object.mail != null') },
      { source: 'telephoneNumber', target: 'telephoneNumber', condition: '/object/telephoneNumber pr' },
      { target: 'objectClass', default: ['top', 'inetOrgPerson', 'organizationalPerson', 'person'] },
      { source: 'description', target: 'description', default: XSS_DEFAULT },
    ],
    policies: [
      { situation: 'CONFIRMED', action: 'UPDATE' },
      { situation: 'FOUND', action: 'LINK' },
      { situation: 'ABSENT', action: 'CREATE', condition: '/object/accountStatus eq "active"', postAction: js("logger.info('created ' + target._id)") },
      { situation: 'AMBIGUOUS', action: 'EXCEPTION' },
      { situation: 'MISSING', action: js("source.accountStatus === 'active' ? 'CREATE' : 'UNLINK'") },
      { situation: 'SOURCE_MISSING', action: 'DELETE' },
      { situation: 'UNQUALIFIED', action: 'DELETE' },
      { situation: 'UNASSIGNED', action: 'REPORT' },
    ],
  },
  managedAlpha_user_systemLdapAccounts: {
    displayName: 'Alpha users to LDAP',
    linkQualifiers: ['default', 'admin'],
    sourceCondition: '/source/accountStatus eq "active"',
    correlationQuery: [
      {
        linkQualifier: 'default',
        expressionTree: { all: ['uid'] },
        mapping: 'managedAlpha_user_systemLdapAccounts',
        type: 'text/javascript',
        file: 'ui/correlateTreeToQueryFilter.js',
      },
      {
        linkQualifier: 'admin',
        expressionTree: { any: ['uid', 'mail'] },
        mapping: 'managedAlpha_user_systemLdapAccounts',
        type: 'text/javascript',
        file: 'ui/correlateTreeToQueryFilter.js',
      },
    ],
    validTarget: js("target.dn.indexOf('ou=People') > 0"),
    queuedSync: queued(5),
    reconAssociation: { maxAnalysisRunsPerMapping: 1, maxNonAnalysisRunsPerMapping: 3 },
    properties: [
      { source: 'userName', target: 'uid', condition: '/linkQualifier eq "default"' },
      { source: 'userName', target: 'uid', transform: js("'adm-' + source"), condition: '/linkQualifier eq "admin"' },
      { source: 'givenName', target: 'givenName' },
      { source: 'sn', target: 'sn' },
      { source: 'mail', target: 'mail' },
      { target: 'description', default: XSS_DEFAULT },
    ],
    policies: [
      { situation: 'ABSENT', action: 'CREATE' },
      { situation: 'CONFIRMED', action: 'UPDATE' },
      { situation: 'MISSING', action: 'CREATE' },
    ],
  },
  managedAlpha_user_systemAdAccounts: { queuedSync: queued(3) },
  managedBravo_user_systemSalesforceUsers: { queuedSync: queued(5, { postRetryAction: 'dead-letter-queue' }) },
  managedAlpha_user_systemServicenowUsers: {
    queuedSync: queued(2, { postRetryAction: { type: 'text/javascript', source: "logger.warn('giving up on ' + syncEvent.resourceId); 'logged-ignore'" } }),
  },
  // Seeded by the admin console: every situation set to ASYNC.
  managedBravo_user_systemOktaUsers: {
    consentRequired: false,
    icon: null,
    enableSync: { $bool: '&{esv.okta.enable.mapping}' },
    policies: ALL_SITUATIONS.map((situation) => ({ situation, action: 'ASYNC' })),
  },
  managedAlpha_user_managedBravo_user: {
    queuedSync: queued(5),
    syncAfter: [],
    properties: [
      { source: 'userName', target: 'userName' },
      { source: 'givenName', target: 'givenName' },
      { source: 'sn', target: 'sn' },
      { source: 'mail', target: 'mail', transform: js("source.replace('@alpha.', '@bravo.')") },
    ],
  },
  managedBravo_user_managedAlpha_user: {
    links: 'managedAlpha_user_managedBravo_user',
    syncAfter: ['managedAlpha_user_managedBravo_user'],
    properties: [{ source: 'userName', target: 'userName' }],
  },
};

export function seedMappings(options: { large?: boolean } = {}): MockMapping[] {
  const random = createRandom(7);
  const realistic = realisticMappings(random).map((m) => (CONFIG_EXTRAS[m.name] ? { ...m, ...CONFIG_EXTRAS[m.name] } : m));
  // The seed examples sit in the middle of the processing order, as added later by an administrator.
  const list = [...realistic.slice(0, 20), ...seedExampleMappings(), ...realistic.slice(20)];
  if (options.large) {
    for (let i = 1; list.length < 10_000; i++) {
      const n = String(i).padStart(5, '0');
      list.push(mapping(`bulkTenant${n}_managedUser`, `system/tenant${n}/account`, 'managed/user', { sourceRouteReady: random() > 0.05 }));
    }
  }
  return list;
}

export function mappingSummary(m: MockMapping) {
  return {
    _id: m.name,
    name: m.name,
    source: m.source,
    target: m.target,
    sourceRouteReady: m.sourceRouteReady,
    targetRouteReady: m.targetRouteReady,
  };
}
