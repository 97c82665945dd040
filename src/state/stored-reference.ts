import { z } from 'zod';

const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });

/** The schema records use for a conversation reference (redactions, subscriptions). */
export const storedReferenceSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  bot: account,
  user: account.optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  locale: z.string().optional(),
});

/**
 * Where a proactive message goes: the project's own conversation reference. Records hold this,
 * never the SDK's object, so a change of Teams SDK does not change what is in Storage; src/teams
 * turns it back into what its SDK wants.
 */
export type StoredReference = z.output<typeof storedReferenceSchema>;

interface AccountLike {
  id?: string;
  name?: string;
  aadObjectId?: string;
}

/** The shape of a reference as a Teams SDK gives it, without naming the SDK. */
export interface ReferenceLike {
  serviceUrl?: string;
  channelId?: string;
  bot?: AccountLike;
  user?: AccountLike;
  conversation?: { id?: string; name?: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  locale?: string;
}

/** The parts of a conversation reference that are kept; undefined when a needed part is missing. */
export function storedReference(reference: ReferenceLike): StoredReference | undefined {
  const parsed = storedReferenceSchema.safeParse({
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    bot: pick(reference.bot),
    user: reference.user ? pick(reference.user) : undefined,
    conversation: {
      id: reference.conversation?.id,
      conversationType: reference.conversation?.conversationType,
      tenantId: reference.conversation?.tenantId,
      isGroup: reference.conversation?.isGroup,
    },
    locale: reference.locale,
  });
  return parsed.success ? parsed.data : undefined;
}

function pick(a: AccountLike | undefined) {
  return a ? { id: a.id, name: a.name, aadObjectId: a.aadObjectId } : undefined;
}
