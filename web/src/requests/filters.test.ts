import { describe, expect, it } from 'vitest';
import { EMPTY, exportParams, listParams, viewFromUrl, viewToUrl } from './filters';

describe('the requests list in the address', () => {
  it('reads the filters, page, size and order a shared link carries', () => {
    const view = viewFromUrl(new URLSearchParams(
      'status=NEW&status=QUOTED&serviceTypeId=t1&ownerId=u1&slaStatus=AT_RISK&from=2026-12-01&to=2026-12-31&q=fosa%20Mixco&page=2&size=50&sort=-createdAt'));
    expect(view).toEqual({
      filters: { status: ['NEW', 'QUOTED'], serviceTypeId: 't1', ownerId: 'u1', slaStatus: 'AT_RISK', from: '2026-12-01', to: '2026-12-31', q: 'fosa Mixco' },
      page: 2, size: 50, sort: [{ field: 'createdAt', sort: 'desc' }],
    });
  });

  it('asks the API for exactly what the address says', () => {
    const view = viewFromUrl(new URLSearchParams('status=IN_REVIEW&ownerId=u1&q=%20fosa%20&sort=dueAt&page=1'));
    expect(listParams(view.filters, view.page, view.size, view.sort).toString())
      .toBe('page=1&size=20&status=IN_REVIEW&ownerId=u1&q=fosa&sort=dueAt');
  });

  it('writes back what it read, leaving out the defaults', () => {
    const link = 'status=NEW&status=QUOTED&serviceTypeId=t1&slaStatus=BREACHED&from=2026-12-01&q=fosa&page=3&size=50&sort=-requestedDate';
    expect(viewToUrl(viewFromUrl(new URLSearchParams(link))).toString()).toBe(link);
    expect(viewToUrl({ filters: EMPTY, page: 0, size: 20, sort: [] }).toString()).toBe('');
  });

  it('keeps the search text as typed until it is sent', () => {
    const typed = viewToUrl({ filters: { ...EMPTY, q: 'fosa ' }, page: 0, size: 20, sort: [] });
    expect(viewFromUrl(typed).filters.q).toBe('fosa ');
  });

  it('leaves out what a tampered address cannot mean', () => {
    const view = viewFromUrl(new URLSearchParams('status=FLYING&status=NEW&status=NEW&slaStatus=LATE&from=ayer&page=-4&size=7&sort=-customerName'));
    expect(view).toEqual({ filters: { ...EMPTY, status: ['NEW'] }, page: 0, size: 20, sort: [] });
  });

  it('sorts priority and due date one way only, as the server does', () => {
    expect(viewFromUrl(new URLSearchParams('sort=-priority')).sort).toEqual([{ field: 'priority', sort: 'asc' }]);
    expect(viewFromUrl(new URLSearchParams('sort=dueAt')).sort).toEqual([{ field: 'resolutionDueAt', sort: 'asc' }]);
  });

  it('exports what the list shows, every page of it', () => {
    const view = viewFromUrl(new URLSearchParams('status=QUOTED&q=fosa&page=3&size=50&sort=-number'));
    expect(exportParams(view, 'xlsx').toString()).toBe('format=xlsx&status=QUOTED&q=fosa&sort=-number');
  });
});
