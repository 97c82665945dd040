import type { AppConfig } from '../../config/config';
import type { GraphClient } from '../../graph/graph-client';
import type { Logger } from '../../log/logger';
import type { Storage } from '../../storage/storage';
import { createAdminCheck, type AdminCheck } from './admin-check';
import { elevationRedactedCard } from '../../cards/elevation-details-card';
import type { CardUpdater } from '../card-updater';
import { createRoleCheck, type RoleCheck } from './role-check';
import { createRedactionScheduler, type RedactionScheduler } from './redaction-scheduler';
import type { AdminRole } from '../../config/roles';

/** What the elevation details and audit handlers need beyond the common deps. */
export interface SecurityServices {
  /** The elevation-admin role: elevation details, closing elevation requests. */
  admins: AdminCheck;
  /** The bot-admin role: the audit log, `subscribe all`. */
  botAdmins: AdminCheck;
  /** The sender's roles, for dispatch and help. */
  roles: RoleCheck;
  redactions: RedactionScheduler;
}

export interface SecurityServicesOptions {
  config: AppConfig;
  storage: Storage;
  logger: Logger;
  now: () => Date;
  /** Replaces revealed cards with the redacted one when due. */
  cards: CardUpdater;
  /** For the admin group check; unused when no group is configured. */
  graph?: GraphClient;
}

/** Built once in src/app.ts; the caller starts and stops `redactions`. */
export function createSecurityServices(options: SecurityServicesOptions): SecurityServices {
  const { config } = options;
  const adminCheck = (role: AdminRole, admins: string[], adminGroupId: string | undefined) =>
    createAdminCheck({
      admins,
      adminGroupId,
      role,
      graph: options.graph,
      now: options.now,
      everyone: config.roles.defaultRole === 'admin',
    });
  const admins = adminCheck('elevation-admin', config.elevation.admins, config.elevation.adminGroupId);
  const botAdmins = adminCheck('bot-admin', config.roles.botAdmins, config.roles.botAdminGroupId);
  return {
    admins,
    botAdmins,
    roles: createRoleCheck({
      admins,
      botAdmins,
      operators: config.roles.operators,
      operatorGroupId: config.roles.operatorGroupId,
      graph: options.graph,
      defaultRole: config.roles.defaultRole,
      now: options.now,
    }),
    redactions: createRedactionScheduler({
      storage: options.storage,
      logger: options.logger,
      // Timers run on the real clock, so due times do too (a pinned test clock would never reach them).
      now: () => new Date(),
      revealSeconds: config.elevation.revealSeconds,
      // The redacted card carries no refresh, so every viewer sees the redacted view.
      redact: (pending) =>
        options.cards.updateCard(pending.reference, pending.activityId, elevationRedactedCard({ deviceName: pending.deviceName })),
    }),
  };
}
