/**
 * The renderer's typed view of `window.interlinea` (exposed by the preload, or
 * injected by the browser tests): one async function per request that unwraps
 * the envelope, returning the value or throwing an `ApiError` whose message is
 * meant for the user.
 */
import type { Envelope, InterlineaApi, Requests, Responses } from '../../shared/ipc/contract';
import { REQUEST_NAMES, type RequestName } from '../../shared/ipc/names';

declare global {
  interface Window {
    interlinea?: InterlineaApi;
  }
}

/** A failed request: `message` says what went wrong in words a user can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Api = { [K in RequestName]: (input?: Requests[K]) => Promise<Responses[K]> } & {
  onMenu(listener: (command: string) => void): () => void;
};

function bridge(): InterlineaApi {
  const api = window.interlinea;
  if (!api) throw new ApiError('Interlinea’s window is not connected to the app (no window.interlinea).', 'no-bridge');
  return api;
}

async function call<K extends RequestName>(name: K, input: Requests[K]): Promise<Responses[K]> {
  const fn = bridge()[name] as unknown as (input: Requests[K]) => Promise<Envelope<Responses[K]>>;
  let envelope;
  try {
    envelope = await fn(input);
  } catch (err) {
    // The bridge itself failed (the main process is gone, the payload could not be sent).
    throw new ApiError(`Could not reach the app: ${(err as Error)?.message ?? String(err)}`, 'bridge-failed');
  }
  if (!envelope || typeof envelope !== 'object') throw new ApiError(`No answer to ${name}`, 'no-answer');
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.message, envelope.error.code);
}

/** True when the page runs with the app's bridge. */
export function hasBridge(): boolean {
  return typeof window !== 'undefined' && !!window.interlinea;
}

const api = {} as Api;
for (const name of REQUEST_NAMES) {
  (api as Record<string, unknown>)[name] = (input?: unknown) => call(name, (input ?? {}) as never);
}
api.onMenu = (listener) => (hasBridge() ? bridge().onMenu(listener) : () => undefined);

export { api };

/** The message of any error, for display. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
