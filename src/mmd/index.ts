export { createMmdClient, type MmdClientOptions } from './create-client';
export { createMsalTokenProvider, type MsalTokenProviderOptions, type TokenProvider } from './token-provider';
export { MmdApiError, isMmdApiError, type MmdErrorCode } from './mmd-api-error';
export { paginate, iterateAll, type PageCursor } from './paging';
export { normalizeTicketType, severityName, ticketTypeLabel } from './enums';
export * as odata from './odata';
export type * from './mmd-client';
export type * from './types';
