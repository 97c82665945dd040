import { iterateAll, paginate, toPage, type PageCursor } from '../../src/http/paging';
import type { Page, PageQuery } from '../../src/http/paging';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('paging', () => {
  it('says hasMore for a full page or a nextLink', () => {
    expect(toPage([1, 2], { skip: 0, top: 2 }, null).hasMore).toBe(true);
    expect(toPage([1], { skip: 0, top: 2 }, null).hasMore).toBe(false);
    expect(toPage([1], { skip: 0, top: 2 }, 'next').hasMore).toBe(true);
  });

  it('walks $skip/$top pages until a short page', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i);
    const cursors: PageCursor[] = [];
    const items = await collect(
      iterateAll(
        async (cursor) => {
          cursors.push(cursor);
          return toPage(data.slice(cursor.skip, cursor.skip + cursor.top), cursor, null);
        },
        { top: 3 },
      ),
    );
    expect(items).toEqual(data);
    expect(cursors.map((c) => c.skip)).toEqual([0, 3, 6]);
  });

  it('passes the nextLink on and stops on an empty page or maxPages', async () => {
    const seen: (string | undefined)[] = [];
    const list = async (query: PageQuery & { nextLink?: string }): Promise<Page<number>> => {
      seen.push(query.nextLink);
      return toPage([query.skip ?? 0], { skip: query.skip ?? 0, top: 10 }, `link-${query.skip ?? 0}`);
    };
    expect(await collect(paginate(list, {}, { maxPages: 3 }))).toEqual([0, 1, 2]);
    expect(seen).toEqual([undefined, 'link-0', 'link-1']);
    const empty = async (): Promise<Page<number>> => toPage([], { skip: 0, top: 10 }, 'again');
    expect(await collect(paginate(empty, {}))).toEqual([]);
  });
});
