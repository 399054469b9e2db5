/**
 * Runs one request against a handler table: validate the payload, call the handler,
 * and wrap the outcome in an envelope. The main process, the CLI and the browser
 * tests all go through here.
 */
import { requestSchemas, type Envelope, type HandlerTable, type Responses } from './contract';
import { REQUEST_NAMES, type RequestName } from './names';
import { describeIssues } from '../model/document';
import { isUserError } from '../errors';

/** True when `name` is a known request. */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

/** Validates `input` for request `name` and runs its handler. Never throws. */
export async function dispatch<K extends RequestName>(
  handlers: HandlerTable,
  name: K,
  input: unknown,
): Promise<Envelope<Responses[K]>> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `unknown request ${String(name)}` } };
  }
  const parsed = requestSchemas[name].safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `invalid ${name} request: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<Responses[K]>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (isUserError(err)) {
      return { ok: false, error: { code: (err as { code?: string }).code ?? 'user-error', message: err.message } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `internal error in ${name}: ${message}` } };
  }
}
