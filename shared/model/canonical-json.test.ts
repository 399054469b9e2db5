import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('orders keys the same way whatever order they were made in', () => {
    const a = canonicalJson({ content: [], type: 'doc', attrs: { b: 1, a: 2 } });
    const b = canonicalJson({ attrs: { a: 2, b: 1 }, type: 'doc', content: [] });
    expect(a).toBe(b);
    expect(a).toBe('{\n  "type": "doc",\n  "attrs": {\n    "a": 2,\n    "b": 1\n  },\n  "content": []\n}\n');
  });

  it('puts schemaVersion and id first and drops undefined values', () => {
    expect(canonicalJson({ z: 1, id: 'x', schemaVersion: 1, gone: undefined })).toBe('{\n  "schemaVersion": 1,\n  "id": "x",\n  "z": 1\n}\n');
  });
});
