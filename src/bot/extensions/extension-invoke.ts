/**
 * The message extension invokes as the bot sees them: plain data the Teams edge read from the
 * activity (src/teams/extension-invoke.ts). Nothing here is trusted yet: text and data come from
 * the client and are checked by the handlers.
 */

/** The message an action command was started from (Teams' `messagePayload`). */
export interface SourceMessage {
  /** The message body as sent: HTML when `html` is true. */
  content: string;
  html: boolean;
  /** Teams' deep link to the message, if it gave one. */
  link?: string;
  /** The author's display name, if any. */
  author?: string;
}

/**
 * Every invoke may carry Teams' `state`: after the sign-in page of an `auth` answer, the same
 * invoke comes again with the page's magic code in it.
 */
export type ExtensionInvoke =
  /** composeExtension/query: the search box's text (undefined: no parameter came) and the page Teams asks for. */
  (
    | { kind: 'query'; commandId: string; text?: string; initialRun: boolean; skip: number; count: number }
    /** composeExtension/selectItem: the value of the tapped result's preview. */
    | { kind: 'selectItem'; value: unknown }
    /** composeExtension/fetchTask: open the dialog of an action command. */
    | { kind: 'fetchTask'; commandId: string; message?: SourceMessage }
    /** composeExtension/submitAction: the dialog's submit, `data` as the card sent it. */
    | { kind: 'submitAction'; commandId: string; message?: SourceMessage; data: unknown }
    /** composeExtension/queryLink: a pasted link on one of the manifest's domains. */
    | { kind: 'queryLink'; url: string }
  ) & { signInState?: string };
