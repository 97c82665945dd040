/** The MMD entities' filterable fields; the typed `$filter` builders live in src/http/odata.ts. */

/** Fields the MMD service filters tickets on. */
export type TicketField =
  | 'id'
  | 'title'
  | 'description'
  | 'state'
  | 'severity'
  | 'type'
  | 'category'
  | 'subcategory'
  | 'isPartner'
  | 'createdDateTime'
  | 'resolvedDateTime';

/** Fields the MMD service filters elevation requests on. */
export type ElevationField =
  | 'id'
  | 'deviceName'
  | 'title'
  | 'category'
  | 'subcategory'
  | 'partnerTicketId'
  | 'requestingAgentUpn'
  | 'closingAgentUpn'
  | 'requestCreationTime'
  | 'requestClosureTime';
