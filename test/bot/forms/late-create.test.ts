import { randomUUID } from 'node:crypto';
import { LANDING_MS } from '../../../src/state/form-claim';
import { TurnHarness } from '../../helpers/turn-harness';
import { apiCalls, chooseCategory, invokeCard, invokeMessage, press, cardText, type Json } from './form-helpers';

/*
 * Issue 20: a create that lands late. The service holds the POST longer than the bot waits
 * (the bot gives up at MMD_TIMEOUT_MS), and carries it out afterwards. A resubmit once the claim
 * is stale (17 s on the bot's clock) finds nothing at the service yet: that "not there" is not
 * believed while the first request may still land, so nothing is sent again. Once it has
 * landed, a press finds it. Exactly one ticket, one POST.
 */

const TICKETS = /\/tickets$/;
const HOLD_MS = 2500;

const VALID: Json = {
  type: 'ChangeRequest',
  category: 'Devices',
  subcategory: 'Deployment groups assignment',
  description: 'Please move the finance devices.',
  severity: '4',
  phone: '+1 425 555 0100',
};

describe('a create that lands after the bot stopped waiting', () => {
  let harness: TurnHarness;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: { MMD_TIMEOUT_MS: '1000', NOTIFY_POLL_SECONDS: '86400' }, now });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('is sent once: a resubmit while it may still land sends nothing, a later one finds it', async () => {
    const title = `Move devices ${randomUUID().slice(0, 8)}`;
    const count = async () => (await harness.app.mmd.tickets.list({ title })).items.length;
    harness.app.emulator!.faults.add({ method: 'POST', path: TICKETS.source, latencyMs: HOLD_MS, times: 1 });
    const form = await chooseCategory(harness, invokeCard(await harness.execute('ticket.newForm', {})), 'Devices');
    const posts = apiCalls(harness, 'POST', TICKETS);

    // The bot gives up after 1 s: it cannot tell whether the ticket was made.
    const first = invokeCard(await press(harness, form, 'ticket.create', { ...VALID, title }));
    expect(cardText(first)).toMatch(/cannot tell whether the ticket was created/);

    // 18 s later on the bot's clock: the claim is stale, the service is asked, shows nothing yet.
    offsetMs += 18_000;
    const early = invokeMessage(await press(harness, first, 'ticket.create'));
    expect(early).toMatch(/may still arrive, so I did not send it again/);
    expect(await count()).toBe(0);

    // The held request lands.
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS + 500));
    expect(await count()).toBe(1);

    // Pressed again, even after the landing window: the service is asked, the ticket found, not made again.
    offsetMs += LANDING_MS;
    const found = invokeCard(await press(harness, first, 'ticket.create'));
    expect(cardText(found)).toMatch(/MMD-\d+-[A-Z0-9]+/);
    const again = invokeCard(await press(harness, first, 'ticket.create'));
    expect(cardText(again)).toMatch(/MMD-\d+-[A-Z0-9]+/);
    expect(await count()).toBe(1);
    // The one POST that the service held; none after it.
    expect(apiCalls(harness, 'POST', TICKETS)).toBe(posts + 1);
  });
});
