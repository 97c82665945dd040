import type { BackView } from '../protocol/views';
import { execute, type ExecuteAction } from './card-action';

/**
 * The Back button of a detail card opened from a list: it runs the list's own verb with the
 * list's data (search, filters, page), so the list comes back as it was. Empty when the detail
 * was not opened from a list. Rendered in the template as `"actions": "${back}"` of a body
 * ActionSet (the card's own actions are at Teams' limit of five).
 */
export function backActions(back: BackView | undefined): ExecuteAction[] {
  if (!back) return [];
  const options = { ignoreInputs: true };
  switch (back.verb) {
    case 'devices.page':
      return [execute('← Back to devices', back.verb, back.data, options)];
    case 'users.page':
      return [execute('← Back to users', back.verb, back.data, options)];
    case 'tickets.page':
      return [execute('← Back to tickets', back.verb, back.data, options)];
    case 'elevations.page':
      return [execute('← Back to elevation requests', back.verb, back.data, options)];
    case 'tickets.filter':
      return [execute('← Back to tickets', back.verb, back.data, options)];
    case 'incidents.page':
      return [execute('← Back to incidents', back.verb, back.data, options)];
    case 'enrollmentFailures.page':
      return [execute('← Back to enrollment failures', back.verb, back.data, options)];
  }
}

/** A list's view for an open button's `back`, without undefined fields (Teams sends back what we put in). */
export function backTo<B extends BackView>(view: B): B {
  return JSON.parse(JSON.stringify(view)) as B;
}
