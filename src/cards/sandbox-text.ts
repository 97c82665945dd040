import { plain } from './escape';

/** The sandbox notice on the help and welcome cards (a TextRun: shown as written). */
export const SANDBOX_TEXT = plain(
  'Sandbox mode: you are talking to a built-in emulator with sample data; set MMD_API_BASE_URL and credentials to use your tenant.',
);

export type BotMode = 'sandbox' | 'live';
