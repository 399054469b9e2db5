import { describe, expect, it } from 'vitest';
import { apply, corr, doc, en, ko, seg, stateFor, wit } from '../editor/test-builders';
import { repairEncoding, type RepairReport } from './repair';

describe('repair encoding', () => {
  it('repairs EUC-KR read as Latin-1 in the selection, keeping marks around it', () => {
    const reports: RepairReport[] = [];
    apply(
      doc(seg(en('Premier <a>±èÀÏ¼º<b> spoke'), wit(), ko())),
      repairEncoding((r) => reports.push(r)),
      doc(seg(en('Premier 김일성 spoke'), wit(), ko())),
    );
    expect(reports).toEqual([{ changed: true, runs: 1, reason: 'repaired 1 stretch (euckr-as-latin1)' }]);
  });

  it('repairs the whole cell at the caret, text node by text node', () => {
    apply(
      doc(seg(en('x'), wit('a'), ko('<a>±èÀÏ¼º ', corr({ original: 'x' }, 'Ã¼ber')))),
      repairEncoding(),
      doc(seg(en('x'), wit('a'), ko('김일성 ', corr({ original: 'x' }, 'über')))),
    );
  });

  it('leaves normal text alone and says why, without a transaction', () => {
    const reports: RepairReport[] = [];
    const state = stateFor(doc(seg(en('Pyongyang, 30 August <a>1960 — Kim Il Sung’s “visit”'), wit(), ko())));
    let dispatched = false;
    expect(repairEncoding((r) => reports.push(r))(state, () => (dispatched = true))).toBe(true);
    expect(dispatched).toBe(false);
    expect(reports).toEqual([{ changed: false, runs: 0, reason: 'no reversible mojibake found' }]);
  });

  it('applies only inside a text cell', () => {
    const state = stateFor(doc(seg(en('a<a>b'), wit(), ko()), seg(en('c<b>d'), wit(), ko())));
    expect(repairEncoding()(state)).toBe(false);
  });
});
