/**
 * An expected failure a handler reports to the coordinator (bad reference, nothing to do, ...). Its
 * message crosses the IPC boundary as is; any other error becomes a generic message (details go to the
 * main-process log, never PHI).
 */
export class UserError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}
