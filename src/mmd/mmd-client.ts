import type { CallOptions } from '../http/request';
import type { Device, ElevationDetails, ElevationRequest, NewElevationRequest, NewTicket, Ticket, TicketNote, User } from './types';
import type { Page, PageQuery } from '../http/paging';

export interface DeviceListQuery extends PageQuery {
  /** searchText as documented: name, serialNumber, globalDeviceId, userUpn, userEmail. */
  search?: string;
}

export interface UserListQuery extends PageQuery {
  /** searchText as documented: name, upn, email, serialNumber, device names. */
  search?: string;
}

export interface TicketListQuery extends PageQuery {
  /** state eq ... (or-ed). */
  states?: string[];
  /** severity eq ... (or-ed). */
  severities?: number[];
  /** contains(title, ...). */
  titleContains?: string;
  /** contains(title, ...) or contains(id, ...): a ticket id or its start finds the ticket. */
  titleOrIdContains?: string;
  /** title eq ... (exact; finding a ticket a crashed submit may have created). */
  title?: string;
  /** Default `createdDateTime desc`. */
  orderBy?: { field: 'createdDateTime' | 'severity' | 'title' | 'state'; direction: 'asc' | 'desc' };
}

export interface ElevationListQuery extends PageQuery {
  /** One request by id: the documents give elevation requests no GET by id, only list's $filter. */
  id?: string;
  deviceName?: string;
  /** true: only open (not closed); false: only closed; absent: both. */
  open?: boolean;
  category?: string;
  requestingAgentUpn?: string;
}

/**
 * The MMD API, as resources. Every method throws MmdApiError on a failed call, and takes an
 * optional `{ signal }` (e.g. `withDeadline(4500)`) that cancels it and bounds its retry waits.
 */
export interface MmdClient {
  devices: {
    list(query?: DeviceListQuery, options?: CallOptions): Promise<Page<Device>>;
    /** null when the service answers 404. */
    get(name: string, options?: CallOptions): Promise<Device | null>;
    /** The local admin password lives in the result: see ElevationDetails. null on 404. */
    elevationDetails(name: string, options?: CallOptions): Promise<ElevationDetails | null>;
  };
  users: {
    list(query?: UserListQuery, options?: CallOptions): Promise<Page<User>>;
    /** null when the service answers 404 or an empty collection. */
    get(upn: string, options?: CallOptions): Promise<User | null>;
  };
  tickets: {
    list(query?: TicketListQuery, options?: CallOptions): Promise<Page<Ticket>>;
    get(id: string, options?: CallOptions): Promise<Ticket | null>;
    create(ticket: NewTicket, options?: CallOptions): Promise<Ticket>;
    notes(id: string, options?: CallOptions): Promise<TicketNote[]>;
    addNote(id: string, text: string, options?: CallOptions): Promise<void>;
  };
  elevations: {
    list(query?: ElevationListQuery, options?: CallOptions): Promise<Page<ElevationRequest>>;
    create(request: NewElevationRequest, options?: CallOptions): Promise<ElevationRequest>;
    close(id: string, actionsTaken: string, options?: CallOptions): Promise<void>;
  };
}
