import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import type { HandlerTable } from './contract';
import { UserError } from '../errors';

function table(overrides: Partial<HandlerTable>): HandlerTable {
  return new Proxy(overrides as HandlerTable, {
    get: (target, name: string) => target[name as keyof HandlerTable] ?? (() => Promise.reject(new Error(`unexpected ${name}`))),
  });
}

describe('dispatch', () => {
  it('validates the payload before the handler runs', async () => {
    let called = false;
    const handlers = table({
      getDocument: async () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const result = await dispatch(handlers, 'getDocument', { id: '../../etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'invalid getDocument request: id: not a document id' } });
    expect(called).toBe(false);
  });

  it('refuses unknown requests', async () => {
    const result = await dispatch(table({}), 'deleteEverything' as never, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown-request');
  });

  it('turns a user error into an envelope with its message', async () => {
    const handlers = table({
      getDocument: async () => {
        throw new UserError('No document x in this project', 'not-found');
      },
    });
    expect(await dispatch(handlers, 'getDocument', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No document x in this project' },
    });
  });

  it('applies defaults from the schema', async () => {
    let seen: unknown;
    const handlers = table({
      suggest: async (input) => {
        seen = input;
        return [];
      },
    });
    await dispatch(handlers, 'suggest', { token: 'xx' });
    expect(seen).toEqual({ token: 'xx', limit: 10, context: {} });
  });
});
