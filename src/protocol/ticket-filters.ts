/**
 * The filters a ticket list was made with, as the list card shows them and its paging and
 * filter buttons send them back. Chat parsing (src/intents/ticket-filters.ts) produces a
 * narrower form of it (known states only); card data may carry any lower-case state.
 */
export interface TicketFilters {
  /** Lower-case states: active, resolved, ... */
  states: string[];
  /** 1 critical .. 4 low. */
  severities: number[];
  /** Words to find in titles. */
  text?: string;
}
