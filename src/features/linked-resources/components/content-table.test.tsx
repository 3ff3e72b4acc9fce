/** Content is rendered as text, whatever the server sends. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContentTable } from './content-table';

function row(name: string) {
  return screen.getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name }) !== null)!;
}

describe('ContentTable', () => {
  it('shows markup as literal text and never creates elements from it', () => {
    render(<ContentTable caption="Content" content={{ _id: 'x', description: '<img src=x onerror=alert(1)>', note: '<script>alert(2)</script>' }} />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('puts _id first, then the attributes in the server order', () => {
    render(<ContentTable caption="Content" content={{ uid: 'joe', mail: 'joe@example.com', _id: '0349' }} />);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['_id', 'uid', 'mail']);
  });

  it('makes empty, null, nested and list values readable', () => {
    render(
      <ContentTable
        caption="Content"
        content={{
          employeeType: [],
          objectClass: ['top', 'person'],
          telephoneNumber: null,
          nickname: '',
          preferences: { updates: true, locale: { language: 'en' } },
          settings: {},
          loginCount: 0,
          effectiveRoles: [{ _ref: 'managed/role/employees' }],
        }}
      />,
    );
    expect(row('employeeType')).toHaveTextContent('empty list');
    expect(within(row('objectClass')).getByRole('list', { name: 'List of 2' })).toHaveTextContent('topperson');
    expect(
      within(row('objectClass'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['top', 'person']);
    expect(row('telephoneNumber')).toHaveTextContent('null');
    expect(row('nickname')).toHaveTextContent('"" (empty string)');
    expect(row('settings')).toHaveTextContent('empty object');
    expect(row('loginCount')).toHaveTextContent('0');
    const preferences = row('preferences');
    expect(within(preferences).getByRole('rowheader', { name: 'updates' })).toBeInTheDocument();
    expect(within(preferences).getByRole('rowheader', { name: 'language' }).nextElementSibling).toHaveTextContent('en');
    expect(row('effectiveRoles')).toHaveTextContent('_refmanaged/role/employees');
  });

  it('says when an object has no attributes at all', () => {
    render(<ContentTable caption="Content" content={{}} />);
    expect(screen.getByText('The object has no attributes.')).toBeInTheDocument();
  });
});
