/**
 * Issue 25 point 10: the sandbox's state lives as long as the emulator's data. Two starts of the
 * real app with the sandbox's default configuration: a ticket created and audited in the first is
 * gone with its emulator, and so is its audit record.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { recentAudit, writeAudit } from '../../src/state/audit-log';
import { createLogger } from '../../src/log/logger';

describe('sandbox lifetime', () => {
  it('a restart of the sandbox starts both the data and the bot state fresh', async () => {
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
    expect(config.storage.kind).toBe('memory');
    const logger = createLogger({ level: 'silent' });
    const first = await startApp(config, { logger });
    let id: string;
    try {
      const ticket = await first.mmd.tickets.create({
        title: 'Lives with its sandbox',
        description: 'x',
        type: 'ChangeRequest',
        category: 'Devices',
        subcategory: 'Deployment groups assignment',
        severity: 4,
        contact: { givenName: 'A', surname: 'V', email: 'a@contoso.com', phoneNumber: '+1 425 555 0100' },
      });
      id = ticket.id;
      await writeAudit(first.storage, {
        at: new Date().toISOString(),
        action: 'ticket.create',
        outcome: 'done',
        target: { kind: 'ticket', id },
        user: { id: 'user-1', name: 'Adele Vance' },
        conversation: { id: 'c', kind: 'personal' },
        correlationId: 'x',
      });
      expect(JSON.stringify(await recentAudit(first.storage, 100))).toContain(id);
    } finally {
      await first.stop();
    }
    const second = await startApp(config, { logger });
    try {
      expect(await second.mmd.tickets.get(id)).toBeNull();
      expect(JSON.stringify(await recentAudit(second.storage, 100))).not.toContain(id);
    } finally {
      await second.stop();
    }
  });
});
