import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { repair, type MojibakeKind } from './mojibake';
import { decodeCp1252, encodeCp1252 } from './cp1252';

const phrases = [
  '김일성',
  '조선로동당 중앙위원회',
  '푸자노프 동지와의 대화록',
  '평양 주재 독일민주공화국 대사관',
  '최용건 동지는 토론에서 발언하였다',
  '부카레스트 회의',
  '리효순',
  '천리마운동',
  '북경에서 열린 연회',
  '7개년 계획의 초안',
  '박정희 소장',
  '경제호상원조회의',
];
const utf8 = (s: string): Buffer => iconv.encode(s, 'utf8');
const undefinedInCp1252 = (b: Buffer): boolean => b.some((x) => [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(x));

type Case = { korean: string; broken: string; kind: MojibakeKind };
const cases: Case[] = [];
for (const k of phrases.slice(0, 5))
  cases.push({ korean: k, broken: iconv.decode(utf8(k), 'latin1'), kind: 'utf8-as-latin1' });
// iconv-lite turns the five bytes cp1252 leaves undefined into U+FFFD, which loses them; browsers keep
// them as C1 controls (WHATWG). Use iconv-lite where no such byte occurs, the browser mapping elsewhere.
for (const k of phrases.slice(0, 5)) {
  const bytes = utf8(k);
  const broken = undefinedInCp1252(bytes) ? decodeCp1252(new Uint8Array(bytes)) : iconv.decode(bytes, 'win1252');
  cases.push({ korean: k, broken, kind: 'utf8-as-cp1252' });
}
for (const k of phrases.slice(5, 9)) {
  const once = iconv.decode(utf8(k), 'latin1');
  cases.push({ korean: k, broken: iconv.decode(utf8(once), 'latin1'), kind: 'double-utf8' });
}
for (const k of phrases.slice(0, 6))
  cases.push({ korean: k, broken: iconv.decode(iconv.encode(k, 'euc-kr'), 'latin1'), kind: 'euckr-as-latin1' });
// CP949 syllables outside EUC-KR (똠, 햏, 뷁) use lead bytes 0x81..0xC6 and ASCII trail bytes; cp1252 shows 0x8C as Œ.
for (const k of ['똠방각하 동지', '햏 동지와 대화', '뷁 회의에서', '똠양꿍 대사관']) {
  cases.push({ korean: k, broken: decodeCp1252(new Uint8Array(iconv.encode(k, 'cp949'))), kind: 'euckr-as-cp1252' });
}

describe('repair', () => {
  it('has a table of at least 20 corrupted Korean strings covering every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const kind of ['utf8-as-latin1', 'utf8-as-cp1252', 'double-utf8', 'euckr-as-latin1', 'euckr-as-cp1252']) {
      expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases.map((c) => [c.kind, c.broken, c.korean, c] as const))(
    'repairs %s: %s → %s',
    (_kind, broken, korean, c) => {
      const r = repair(broken);
      expect(r.text).toBe(korean);
      expect(r.changed).toBe(true);
      // Latin-1 and cp1252 share every byte from 0xA0 up; cp1252 is named only when its own characters appear.
      const needsCp1252 = encodeCp1252(broken) !== undefined && [...broken].some((ch) => ch.charCodeAt(0) > 0xff);
      const expected = c.kind.endsWith('cp1252') && !needsCp1252 ? c.kind.replace('cp1252', 'latin1') : c.kind;
      expect(r.kind).toBe(expected);
    },
  );

  it('repairs corrupted runs inside otherwise good text and keeps the rest', () => {
    const broken = `Kim Il Sung (${iconv.decode(iconv.encode('김일성', 'euc-kr'), 'latin1')}) met Puzanov (${iconv.decode(utf8('푸자노프'), 'latin1')}) in Pyongyang.`;
    const r = repair(broken);
    expect(r.text).toBe('Kim Il Sung (김일성) met Puzanov (푸자노프) in Pyongyang.');
    expect(r.runs.map((x) => x.kind)).toEqual(['euckr-as-latin1', 'utf8-as-latin1']);
  });

  it('leaves text alone when bytes were lost, and says why', () => {
    const lossy = iconv.decode(utf8('김일성'), 'win1252'); // 0x9D became U+FFFD
    const r = repair(lossy);
    expect(r.changed).toBe(false);
    expect(r.text).toBe(lossy);
    expect(r.reason).toMatch(/no encoding decodes them cleanly/);
  });

  const normal = [
    'Grüße aus Köln',
    'Straße, Maß und Fuß',
    'Ärger über die Ölpreise',
    'Zürich, München, Düsseldorf',
    'déjà vu à côté',
    'Ça va? Très bien, merci.',
    'naïve façade, œuvre, cœur',
    'señor, año, niño',
    '¿Qué tal? ¡Hola!',
    'Ærø, Øresund, Åland',
    'Привет, мир',
    'Товарищ Пузанов сообщил',
    '你好，世界',
    '朝鲜劳动党中央委员会',
    'こんにちは、世界',
    '김일성 동지',
    '조선로동당 중앙위원회 전원회의',
    '“Quoted” — 10 € – ‘single’',
    '½ ¼ ¾ °C ±5 µm',
    'plain ASCII text, nothing special',
    'Ελληνικά κείμενα',
    'Český Krumlov, Łódź, Kraków',
  ];
  it.each(normal)('leaves normal text untouched: %s', (text) => {
    const r = repair(text);
    expect(r.changed).toBe(false);
    expect(r.text).toBe(text);
  });
});
