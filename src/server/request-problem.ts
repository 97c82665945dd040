/** A request refused at the transport: the status and a short sentence, never a stack. */
export class RequestProblem extends Error {
  override readonly name = 'RequestProblem';
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}
