import { describe, expect, it } from 'vitest';
import { acceptedText } from './accepted-text';
import { createSuggester } from './suggest';
import { garbleLine } from './garble';

describe('acceptedText', () => {
  it('masks proposed words and gaps so the cache cannot learn them, keeping accepted words and spaces', () => {
    const text = acceptedText([
      { type: 'text', text: '조선 ' },
      { type: 'text', text: '로동당', marks: [{ type: 'proposed' }] },
      { type: 'text', text: ' 중앙위원회는 ' },
      { type: 'gap', attrs: { quantity: 2 } },
      { type: 'hard_break' },
      { type: 'text', text: '동지' },
      { type: 'text', text: '들은', marks: [{ type: 'proposed' }] },
    ]);
    expect(text).toBe('조선 □□□ 중앙위원회는 □□\n동지□□');
  });

  it('gives a suggester cache without the proposed words', () => {
    const corpus = [
      acceptedText([
        { type: 'text', text: '푸자노프 ' },
        { type: 'text', text: '푸자놉흐', marks: [{ type: 'proposed' }] },
      ]),
    ];
    const s = createSuggester({ corpus });
    expect(s.suggest(garbleLine('푸자노프')).map((x) => x.text)).toContain('푸자노프');
    expect(s.suggest(garbleLine('푸자놉흐')).map((x) => x.text)).not.toContain('푸자놉흐');
  });
});
