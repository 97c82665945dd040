import type {
  Device,
  ElevationDetails,
  ElevationRequest,
  NewElevationRequest,
  NewTicket,
  Page,
  PageQuery,
  Ticket,
  TicketNote,
  User,
} from './types';

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
  /** Default `createdDateTime desc`. */
  orderBy?: { field: 'createdDateTime' | 'severity' | 'title' | 'state'; direction: 'asc' | 'desc' };
}

export interface ElevationListQuery extends PageQuery {
  deviceName?: string;
  /** true: only open (not closed); false: only closed; absent: both. */
  open?: boolean;
  category?: string;
  requestingAgentUpn?: string;
}

/** The MMD API, as resources. Every method throws MmdApiError on a failed call. */
export interface MmdClient {
  devices: {
    list(query?: DeviceListQuery): Promise<Page<Device>>;
    /** null when the service answers 404. */
    get(name: string): Promise<Device | null>;
    /** The local admin password lives in the result: see ElevationDetails. null on 404. */
    elevationDetails(name: string): Promise<ElevationDetails | null>;
  };
  users: {
    list(query?: UserListQuery): Promise<Page<User>>;
    /** null when the service answers 404 or an empty collection. */
    get(upn: string): Promise<User | null>;
  };
  tickets: {
    list(query?: TicketListQuery): Promise<Page<Ticket>>;
    get(id: string): Promise<Ticket | null>;
    create(ticket: NewTicket): Promise<Ticket>;
    notes(id: string): Promise<TicketNote[]>;
    addNote(id: string, text: string): Promise<void>;
  };
  elevations: {
    list(query?: ElevationListQuery): Promise<Page<ElevationRequest>>;
    create(request: NewElevationRequest): Promise<ElevationRequest>;
    close(id: string, actionsTaken: string): Promise<void>;
  };
}
