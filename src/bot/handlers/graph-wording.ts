import { graphEarlierUnknown, graphFormProblem, type GraphFormSubject } from '../../protocol/graph-form-problem';
import type { FormWording } from '../forms/submit-form';

/** The Graph forms' words for submitOnce: Graph's refusals as the service said them. */
export function graphWording(subject: GraphFormSubject): FormWording {
  return { problem: (err, correlationId) => graphFormProblem(err, subject, correlationId), earlier: graphEarlierUnknown(subject) };
}
