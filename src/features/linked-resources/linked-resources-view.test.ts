import { describe, expect, it } from 'vitest';
import { backTo, checkResourcePath, pivot, readLinkedResourcesView, writeLinkedResourcesView } from './linked-resources-view';

describe('checkResourcePath', () => {
  it('accepts managed and system object paths', () => {
    expect(checkResourcePath('managed/alpha_user/42f8a60e')).toBeNull();
    expect(checkResourcePath('system/ldap/account/03496258')).toBeNull();
    expect(checkResourcePath("system/csv_o'neil/person/1")).toBeNull();
  });

  it('explains what is wrong otherwise', () => {
    expect(checkResourcePath('')).toBe('Enter a resource path.');
    expect(checkResourcePath('managed/alpha_user/')).toBe('Add the object id after the collection.');
    expect(checkResourcePath('managed/alpha_user')).toMatch(/looks like/);
    expect(checkResourcePath('system/ldap/account')).toMatch(/looks like/);
    expect(checkResourcePath('repo/link/1')).toMatch(/looks like/);
  });
});

describe('the pivot trail', () => {
  it('grows on each pivot, shrinks when going back, and survives the URL', () => {
    let view = readLinkedResourcesView(new URLSearchParams('resourceName=managed/a/1'));
    view = pivot(view, 'system/ldap/account/2');
    view = pivot(view, 'managed/b/3');
    expect(view).toEqual({ resourceName: 'managed/b/3', trail: ['managed/a/1', 'system/ldap/account/2'] });
    expect(readLinkedResourcesView(writeLinkedResourcesView(view))).toEqual(view);
    expect(backTo(view, 0)).toEqual({ resourceName: 'managed/a/1', trail: [] });
    expect(backTo(view, 1)).toEqual({ resourceName: 'system/ldap/account/2', trail: ['managed/a/1'] });
  });
});
