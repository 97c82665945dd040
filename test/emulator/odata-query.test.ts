import { ODataError } from '../../src/emulator/odata-tokens';
import { DEFAULT_PAGE_SIZE, filterAndOrder, paginate, parseOrderBy, readListQuery } from '../../src/emulator/odata-query';

const FIELDS = { name: 'string', n: 'number', at: 'datetime' } as const;
const items = [
  { name: 'b', n: 2, at: '2024-01-02T00:00:00Z' },
  { name: 'a', n: null, at: '2024-01-03T00:00:00.5Z' },
  { name: 'c', n: 1, at: '2024-01-01T00:00:00Z' },
];

describe('readListQuery', () => {
  it('reads both $top/$skip and top/skip', () => {
    expect(readListQuery(new URLSearchParams('$top=5&$skip=10'))).toMatchObject({ top: 5, skip: 10 });
    expect(readListQuery(new URLSearchParams('top=5&skip=10'))).toMatchObject({ top: 5, skip: 10 });
    expect(readListQuery(new URLSearchParams(''))).toMatchObject({ top: null, skip: 0, filter: null, searchText: null });
  });

  it.each(['$top=-1', '$skip=x', '$top=1.5'])('refuses %s with a 400', (query) => {
    expect(() => readListQuery(new URLSearchParams(query))).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('filterAndOrder', () => {
  const run = (query: string): string[] =>
    filterAndOrder(items, readListQuery(new URLSearchParams(query)), FIELDS, 'Thing').map((i) => i.name);

  it('orders asc by default and desc on request; nulls sort first', () => {
    expect(run('$orderby=n')).toEqual(['a', 'c', 'b']);
    expect(run('$orderby=n desc')).toEqual(['b', 'c', 'a']);
    expect(run('$orderby=at desc')).toEqual(['a', 'b', 'c']);
    expect(run('$orderby=name asc, n desc')).toEqual(['a', 'b', 'c']);
  });

  it('filters then orders', () => {
    expect(run('$filter=n ne null&$orderby=name desc')).toEqual(['c', 'b']);
  });

  it('keeps the store order without $orderby', () => {
    expect(run('')).toEqual(['b', 'a', 'c']);
  });

  it.each(['colour', 'n sideways', 'n asc desc', ''])('refuses the $orderby %p', (clause) => {
    expect(() => parseOrderBy(clause, FIELDS, 'Thing')).toThrow(ODataError);
  });
});

describe('paginate', () => {
  const numbers = Array.from({ length: 250 }, (_, i) => i);

  it('pages by itself without $top and says where the next page starts', () => {
    const page = paginate(numbers, readListQuery(new URLSearchParams('')));
    expect(page.value).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(page.nextSkip).toBe(DEFAULT_PAGE_SIZE);
  });

  it('gives no next page when the page is short or the end is reached exactly', () => {
    expect(paginate(numbers, readListQuery(new URLSearchParams('$skip=200&$top=60'))).nextSkip).toBeNull();
    expect(paginate(numbers, readListQuery(new URLSearchParams('$skip=200&$top=50'))).nextSkip).toBeNull();
    expect(paginate(numbers, readListQuery(new URLSearchParams('$skip=100&$top=50'))).nextSkip).toBe(150);
  });

  it('answers an empty page past the end and for $top=0', () => {
    expect(paginate(numbers, readListQuery(new URLSearchParams('$skip=999'))).value).toEqual([]);
    expect(paginate(numbers, readListQuery(new URLSearchParams('$top=0'))).value).toEqual([]);
  });
});
