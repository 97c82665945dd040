/** Rows per page in every list card: keeps each card well under 28 KB. */
export const PAGE_SIZE = 10;
