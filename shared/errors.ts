/**
 * Errors a user can cause (a bad file, bad input, a locked project). They carry a
 * code and a message that names the problem; they are shown, never crash a process.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'user-error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** True when `err` is an error a user caused (as opposed to a bug). */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError || (err instanceof Error && err.name === 'UserError');
}
