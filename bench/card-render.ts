import { COMMANDS } from '../src/intents/commands';
import { deviceDetailCard } from '../src/cards/device-detail-card';
import { helpCard } from '../src/cards/help-card';
import { ticketDetailCard } from '../src/cards/ticket-detail-card';
import { ticketListCard } from '../src/cards/ticket-list-card';
import { NOW, sampleDevice, sampleNotes, sampleTicket } from './card-samples';

export interface CardFigure {
  card: string;
  microsPerCard: number;
  bytes: number;
}

/**
 * µs of CPU per card (median of 5 batches, after a warm-up) and the card's size as sent (JSON
 * bytes). CPU time, not wall time, so other processes on a busy machine do not count.
 */
export function cardRenderFigures(iterations = 300): CardFigure[] {
  const device = sampleDevice();
  const tickets = Array.from({ length: 10 }, (_, i) => sampleTicket(i));
  const withNotes = sampleTicket(0, sampleNotes(20));
  const cards: Array<[string, () => unknown]> = [
    ['device detail', () => deviceDetailCard({ device, now: NOW })],
    [
      'ticket list page',
      () =>
        ticketListCard({
          page: { items: tickets, skip: 10, top: 10, hasMore: true, nextLink: null },
          filters: { states: ['active'], severities: [] },
          now: NOW,
        }),
    ],
    ['ticket with 20 notes', () => ticketDetailCard({ ticket: withNotes, now: NOW })],
    ['help', () => helpCard({ commands: COMMANDS, mode: 'sandbox' })],
  ];
  return cards.map(([card, render]) => {
    for (let i = 0; i < 50; i++) render();
    const batches: number[] = [];
    for (let b = 0; b < 5; b++) {
      const start = process.cpuUsage();
      for (let i = 0; i < iterations / 5; i++) render();
      const used = process.cpuUsage(start);
      batches.push((used.user + used.system) / (iterations / 5));
    }
    batches.sort((a, b) => a - b);
    return { card, microsPerCard: Math.round(batches[2]!), bytes: Buffer.byteLength(JSON.stringify(render())) };
  });
}
