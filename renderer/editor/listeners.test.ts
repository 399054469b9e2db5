import { describe, expect, it } from 'vitest';
import { Listeners } from './listeners';

describe('Listeners', () => {
  it('calls each subscribed listener on emit, until it unsubscribes or the set is cleared', () => {
    const listeners = new Listeners();
    const calls: string[] = [];
    const { subscribe } = listeners; // handed around unbound, as React does
    const stopA = subscribe(() => calls.push('a'));
    subscribe(() => calls.push('b'));
    listeners.emit();
    stopA();
    listeners.emit();
    listeners.clear();
    listeners.emit();
    expect(calls).toEqual(['a', 'b', 'b']);
  });
});
