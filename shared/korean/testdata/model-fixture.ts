/**
 * A tiny word model in the format scripts/build-korean-model.mjs writes (resources/korean),
 * for tests (English keys stemmed as the build script stems them): 영화 (film) far more frequent than 평화 (peace), which share the garble `T`;
 * 로동 and 노동 both present; 대사관 and 동지 vanish from a witness entirely.
 */
import type { KoreanModelFiles } from '../model';
import { englishStem } from '../english';

const table = (name: string, rows: string[]): string => `#interlinea-ko-model/1 ${name} fixture\n${rows.join('\n')}\n`;

/** The fixture tables. */
export const fixtureModel: KoreanModelFiles = {
  words: table('words', [
    '영화\t5000',
    '영화를\t900',
    '평화\t100',
    '평화를\t40',
    '통일\t300',
    '로동당의\t200',
    '노동당의\t150',
    '동지\t4000',
    '대사관\t60',
    '회담하였다\t30',
    // The bulk of a real corpus: words these tests do not ask about.
    '의\t200000',
  ]),
  stems: table('stems', ['영화\tn\t6000', '평화\tn\t150', '통일\tn\t400', '로동\tn\t300', '노동\tn\t200', '동지\tn\t4200', '대사관\tn\t80', '회담하다\tv\t60', '나라\tn\t200000']),
  endings: table('endings', ['n\t\t5000', 'n\t을\t2000', 'n\t의\t1500', 'n\t에\t800', 'v\t었다\t500', 'v\t다\t100', 'v\tㄴ\t400']),
  bigrams: table('bigrams', ['평화를\t위하여\t3.20', '조선\t로동당의\t2.50']),
  english: table('english', [`${englishStem('peace')}\t평화:0.900`, `${englishStem('embassy')}\t대사관:0.800`, `${englishStem('film')}\t영화:0.900`]),
};
