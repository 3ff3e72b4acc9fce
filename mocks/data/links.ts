/**
 * The mock tenant's objects and links, for `getLinkedResources` (idm-api.md §3). A link joins the
 * source-side and target-side object of one mapping (`linkType` = the mapping's name) under a link
 * qualifier, like IDM's `repo/link`. Includes the seed page's example verbatim, an object with
 * several links and qualifiers, one whose linked object cannot be read, one with no links at all,
 * and content with odd values (nested objects, empty arrays, nulls, markup).
 */
import { createRandom, uuid } from '../random';

export interface MockLink {
  linkType: string;
  linkQualifier: string;
  /** Full resource name of the object on the mapping's source side. */
  first: string;
  /** Full resource name of the object on the mapping's target side. */
  second: string;
}

export interface LinkStore {
  objects: Map<string, Record<string, unknown>>;
  links: MockLink[];
  /** Objects that exist but whose read fails, with the server's message. */
  unreadable: Map<string, string>;
}

export interface LinkedResource {
  resourceName: string;
  content: Record<string, unknown> | null;
  linkQualifier: string;
  linkType: string;
  mappings?: { name: string; type: 'source' | 'target' }[];
  error?: string;
}

export const SEED_USER = 'managed/realm-name_user/42f8a60e-2019-4110-a10d-7231c3578e2b';
export const SEED_ACCOUNT = 'system/ldap/account/03496258-1c5e-40a0-8744-badc2500f262';
export const BRAVO_USER = 'managed/bravo_user/7d1c3a52-5b8e-4c1f-9a0e-2f6b8d4e1a90';
export const ALPHA_USER = 'managed/alpha_user/0b7c9e2d-31f4-4a8b-b6d5-8e1f2a3c4d5e';
export const LONELY_USER = 'managed/alpha_user/9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
export const UNREADABLE_ACCOUNT = 'system/servicenow/sys_user/4f1e2d3c-b5a6-4978-8c9d-0e1f2a3b4c5d';
export const XSS_VALUE = '<img src=x onerror=alert(1)>';

/** The content the seed page shows for the linked LDAP account, verbatim. */
const SEED_ACCOUNT_CONTENT = {
  uid: 'joe.smith1',
  mail: 'joe.smith@example.com',
  sn: 'Smith',
  givenName: 'Joe',
  employeeType: [],
  dn: 'uid=joe.smith1,ou=People,dc=example,dc=com',
  ldapGroups: [],
  cn: 'Joe Smith',
  kbaInfo: [],
  aliasList: [],
  objectClass: ['top', 'inetOrgPerson', 'organizationalPerson', 'person'],
  _id: '03496258-1c5e-40a0-8744-badc2500f262',
};

const idOf = (resourceName: string) => resourceName.slice(resourceName.lastIndexOf('/') + 1);

/** Ids of the generated alpha users; the sync queue refers to some of them. */
export function alphaUserIds(): string[] {
  const random = createRandom(23);
  return Array.from({ length: 40 }, () => uuid(random));
}

export function seedLinks(): LinkStore {
  const random = createRandom(29);
  const objects = new Map<string, Record<string, unknown>>();
  const links: MockLink[] = [];
  const unreadable = new Map<string, string>();
  const put = (name: string, content: Record<string, unknown>) => objects.set(name, { _id: idOf(name), ...content });
  const link = (linkType: string, first: string, second: string, linkQualifier = 'default') => links.push({ linkType, linkQualifier, first, second });

  // The seed page's example: the managed user has exactly this one link.
  put(SEED_USER, { userName: 'joe.smith1', givenName: 'Joe', sn: 'Smith', mail: 'joe.smith@example.com', accountStatus: 'active', effectiveRoles: [] });
  objects.set(SEED_ACCOUNT, SEED_ACCOUNT_CONTENT);
  link('systemLdapAccounts_managedUser', SEED_ACCOUNT, SEED_USER);

  // The same LDAP account also feeds a bravo user, who is linked to many systems.
  put(BRAVO_USER, {
    userName: 'jsmith',
    givenName: 'Joe',
    sn: 'Smith',
    mail: 'jsmith@bravo.example.com',
    description: XSS_VALUE,
    telephoneNumber: null,
    loginCount: 42,
    active: true,
    effectiveRoles: [{ _refResourceCollection: 'managed/bravo_role', _refResourceId: 'employees', _ref: 'managed/bravo_role/employees' }],
    effectiveAssignments: [],
    preferences: { updates: true, marketing: false, locale: { language: 'en', region: 'GB' } },
    aliasList: ['joe', 'jsmith', 'joe.smith'],
  });
  link('systemLdapAccounts_managedBravo_user', SEED_ACCOUNT, BRAVO_USER);

  const adDefault = 'system/ad/account/8a1b2c3d-4e5f-4061-8728-394a5b6c7d8e';
  const adAdmin = 'system/ad/account/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';
  put(adDefault, {
    sAMAccountName: 'jsmith',
    userPrincipalName: 'jsmith@corp.example.com',
    givenName: 'Joe',
    memberOf: ['CN=Staff,OU=Groups,DC=corp,DC=example,DC=com'],
  });
  put(adAdmin, {
    sAMAccountName: 'adm-jsmith',
    userPrincipalName: 'adm-jsmith@corp.example.com',
    givenName: 'Joe',
    memberOf: ['CN=Domain Admins,CN=Users,DC=corp,DC=example,DC=com', 'CN=Staff,OU=Groups,DC=corp,DC=example,DC=com'],
  });
  link('managedBravo_user_systemAdAccounts', BRAVO_USER, adDefault, 'default');
  link('managedBravo_user_systemAdAccounts', BRAVO_USER, adAdmin, 'admin');

  const salesforce = 'system/salesforce/user/005Dn000003XyZaIAK';
  put(salesforce, {
    Username: 'jsmith@bravo.example.com',
    Email: 'jsmith@bravo.example.com',
    IsActive: true,
    Profile: { Name: 'Standard User', Id: '00eDn000001AbCdIAK' },
  });
  link('managedBravo_user_systemSalesforceUsers', BRAVO_USER, salesforce);

  // The ServiceNow connector is down: the link exists, the linked object cannot be read.
  unreadable.set(UNREADABLE_ACCOUNT, 'Unable to read system/servicenow/sys_user/4f1e2d3c-b5a6-4978-8c9d-0e1f2a3b4c5d: Connection refused (Connection refused)');
  link('managedBravo_user_systemServicenowUsers', BRAVO_USER, UNREADABLE_ACCOUNT);

  // A reused link between the two realms.
  put(ALPHA_USER, { userName: 'joe.smith', givenName: 'Joe', sn: 'Smith', mail: 'joe.smith@alpha.example.com', accountStatus: 'active', effectiveRoles: [] });
  link('managedAlpha_user_managedBravo_user', ALPHA_USER, BRAVO_USER);
  const alphaLdap = 'system/ldap/account/6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f';
  put(alphaLdap, {
    uid: 'joe.smith',
    mail: 'joe.smith@alpha.example.com',
    sn: 'Smith',
    givenName: 'Joe',
    cn: 'Joe Smith',
    objectClass: ['top', 'inetOrgPerson'],
    ldapGroups: [],
  });
  link('managedAlpha_user_systemLdapAccounts', ALPHA_USER, alphaLdap);

  // A user nothing is linked to.
  put(LONELY_USER, { userName: 'nolinks', givenName: 'No', sn: 'Links', mail: 'nolinks@alpha.example.com', accountStatus: 'inactive' });

  // Generated alpha users, each with an LDAP account and, for some, an AD account.
  const firstNames = ['Ada', 'Bea', 'Carl', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'];
  const lastNames = ['Ng', 'Ortiz', 'Park', 'Quinn', "O'Brien", 'Rossi', 'Sato', 'Tran'];
  alphaUserIds().forEach((id, i) => {
    const given = firstNames[i % firstNames.length]!;
    const sn = lastNames[i % lastNames.length]!;
    const login = `${given}.${sn}${i}`.toLowerCase().replace(/'/g, '');
    const user = `managed/alpha_user/${id}`;
    put(user, {
      userName: login,
      givenName: given,
      sn,
      mail: `${login}@alpha.example.com`,
      accountStatus: i % 7 === 0 ? 'inactive' : 'active',
      effectiveRoles: [],
    });
    const ldap = `system/ldap/account/${uuid(random)}`;
    put(ldap, {
      uid: login,
      mail: `${login}@alpha.example.com`,
      sn,
      givenName: given,
      cn: `${given} ${sn}`,
      objectClass: ['top', 'inetOrgPerson'],
      ldapGroups: i % 3 === 0 ? ['cn=staff,ou=groups,dc=example,dc=com'] : [],
    });
    link('managedAlpha_user_systemLdapAccounts', user, ldap);
    if (i % 2 === 0) {
      const ad = `system/ad/account/${uuid(random)}`;
      put(ad, { sAMAccountName: login.slice(0, 20), userPrincipalName: `${login}@corp.example.com`, givenName: given });
      link('managedAlpha_user_systemAdAccounts', user, ad);
    }
  });

  return { objects, links, unreadable };
}

/**
 * What `getLinkedResources` answers for one object: the objects linked to it. Like the engine, it
 * looks the links up by id and never checks that the object exists: an unknown object (or a typo)
 * has no links, `[]`. The seed's own object answers exactly the seed's example (no `mappings` key).
 */
export function linkedResourcesOf(store: LinkStore, resourceName: string): LinkedResource[] {
  const result: LinkedResource[] = [];
  for (const l of store.links) {
    let other: string;
    let type: 'source' | 'target';
    if (l.second === resourceName) {
      other = l.first;
      type = 'source';
    } else if (l.first === resourceName) {
      other = l.second;
      type = 'target';
    } else continue;
    const error = store.unreadable.get(other);
    const entry: LinkedResource = error
      ? { resourceName: other, content: null, linkQualifier: l.linkQualifier, linkType: l.linkType, error }
      : { resourceName: other, content: store.objects.get(other) ?? null, linkQualifier: l.linkQualifier, linkType: l.linkType };
    if (resourceName !== SEED_USER) entry.mappings = [{ name: l.linkType, type }];
    result.push(entry);
  }
  return result;
}
