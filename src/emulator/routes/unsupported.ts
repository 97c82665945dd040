import { ODataError } from '../odata-tokens';
import type { ListQuery } from '../odata-query';

/** Devices and users document only searchText and paging; other options are refused, not ignored. */
export function rejectFilterAndOrder(query: ListQuery): void {
  if (query.filter !== null) throw new ODataError("The query option '$filter' is not supported on this resource.");
  if (query.orderby !== null) throw new ODataError("The query option '$orderby' is not supported on this resource.");
}
