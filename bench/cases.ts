import { randomUUID } from 'node:crypto';
import type { Turn } from './load';

/** What every activity shares: who sends it, from where, to which connector. */
export interface TurnContextInfo {
  serviceUrl: string;
  tenantId: string;
}

const BENCH_USER = { id: 'user-1', name: 'Adele Vance', aadObjectId: 'aad-user-1' };

/** The bench user as the fake connector's roster answers for them. */
export const BENCH_MEMBER = {
  ...BENCH_USER,
  givenName: 'Adele',
  surname: 'Vance',
  email: 'adele.vance@contoso.com',
  userPrincipalName: 'adele.vance@contoso.com',
};

function activity(ctx: TurnContextInfo, conversationId: string, partial: Record<string, unknown>): string {
  return JSON.stringify({
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: BENCH_USER,
    recipient: { id: 'bot-1', name: 'MMD Assist' },
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId } },
    ...partial,
  });
}

export function message(ctx: TurnContextInfo, conversationId: string, text: string): Turn {
  return { body: activity(ctx, conversationId, { type: 'message', text }), invoke: false };
}

export function execute(ctx: TurnContextInfo, conversationId: string, verb: string, data: Record<string, unknown>): Turn {
  return {
    body: activity(ctx, conversationId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
    invoke: true,
  };
}

/** A filled-in "new ticket" form as the client sends it; each submit is a new form (fresh formId). */
export function ticketSubmit(ctx: TurnContextInfo, conversationId: string): Turn {
  return execute(ctx, conversationId, 'ticket.create', {
    formId: randomUUID(),
    givenName: 'Adele',
    surname: 'Vance',
    email: 'adele.vance@contoso.com',
    phone: '+1 425 555 0100',
    type: 'ChangeRequest',
    category: 'Devices',
    subcategory: 'Deployment groups assignment',
    title: 'Move devices to the Fast ring',
    description: 'Please move the finance devices.',
    severity: '4',
  });
}

export interface BenchCase {
  name: string;
  /** 'echo' runs against the echo bot, 'mmd' against MMD Assist, 'baseline' against BENCH_BASELINE's build of it. */
  bot: 'echo' | 'mmd' | 'baseline';
  turn(ctx: TurnContextInfo, conversationId: string): Turn;
}

export function benchCases(device: string, ticketId: string): BenchCase[] {
  return [
    { name: 'echo', bot: 'echo', turn: (c, id) => message(c, id, 'hello') },
    { name: 'help', bot: 'mmd', turn: (c, id) => message(c, id, 'help') },
    { name: 'device', bot: 'mmd', turn: (c, id) => message(c, id, `device ${device}`) },
    { name: 'devices', bot: 'mmd', turn: (c, id) => message(c, id, 'devices') },
    { name: 'ticket', bot: 'mmd', turn: (c, id) => message(c, id, `ticket ${ticketId}`) },
    { name: 'execute-page', bot: 'mmd', turn: (c, id) => execute(c, id, 'devices.page', { skip: 10 }) },
    { name: 'submit', bot: 'mmd', turn: (c, id) => ticketSubmit(c, id) },
  ];
}
