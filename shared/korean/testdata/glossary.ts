/**
 * A glossary seeded from the names and terms of the test set, as a project would hold it.
 * English forms follow the English translations of such reports.
 */
import type { GlossaryEntry } from '../types';

/** Glossary entries for the test documents. */
export const testGlossary: GlossaryEntry[] = [
  { id: 'kim-il-sung', en: 'Kim Il Sung', variants: ['Kim Il-sung', 'Kim Ir Sen'], ko: ['김일성'], type: 'person', note: '' },
  { id: 'choe-yong-geon', en: 'Choe Yong-geon', variants: ['Choe Yong Gon', 'Ch\'oe Yong-gon'], ko: ['최용건'], type: 'person', note: '' },
  { id: 'puzanov', en: 'Puzanov', variants: ['Pusanov'], ko: ['푸자노프'], type: 'person', note: 'Soviet ambassador' },
  { id: 'ri-hyo-sun', en: 'Ri Hyo-sun', variants: ['Yi Hyo-sun', 'Li Hyo Sun'], ko: ['리효순'], type: 'person', note: '' },
  { id: 'park-chung-hee', en: 'Park Chung Hee', variants: ['Pak Chong-hui'], ko: ['박정희'], type: 'person', note: '' },
  { id: 'pak-kum-chol', en: 'Pak Kum-chol', variants: ['Pak Kum Chol'], ko: ['박금철'], type: 'person', note: '' },
  { id: 'khrushchev', en: 'Khrushchev', variants: ['Khrushchov'], ko: ['흐루쑈브', '흐루시초프'], type: 'person', note: '' },
  { id: 'mao', en: 'Mao Zedong', variants: ['Mao Tse-tung', 'Mao'], ko: ['모택동', '마오쩌둥'], type: 'person', note: '' },
  { id: 'kwp', en: 'Korean Workers\' Party', variants: ['KWP', 'Workers\' Party of Korea'], ko: ['조선로동당', '조선노동당'], type: 'organisation', note: 'North Korean spelling 로동 kept' },
  { id: 'cpsu', en: 'CPSU', variants: ['Communist Party of the Soviet Union'], ko: ['소련공산당'], type: 'organisation', note: '' },
  { id: 'sed', en: 'SED', variants: ['Socialist Unity Party of Germany'], ko: ['독일통일사회당'], type: 'organisation', note: '' },
  { id: 'central-committee', en: 'Central Committee', variants: ['CC'], ko: ['중앙위원회'], type: 'organisation', note: '' },
  { id: 'comecon', en: 'Comecon', variants: ['Council for Mutual Economic Assistance', 'CMEA'], ko: ['경제호상원조회의'], type: 'organisation', note: '' },
  { id: 'gdr', en: 'GDR', variants: ['German Democratic Republic', 'East Germany'], ko: ['독일민주공화국'], type: 'place', note: '' },
  { id: 'dprk', en: 'DPRK', variants: ['Democratic People\'s Republic of Korea', 'North Korea'], ko: ['조선민주주의인민공화국'], type: 'place', note: '' },
  { id: 'bucharest', en: 'Bucharest', variants: [], ko: ['부카레스트', '부쿠레슈티'], type: 'place', note: 'translator writes 부카레스트' },
  { id: 'beijing', en: 'Beijing', variants: ['Peking'], ko: ['북경', '베이징'], type: 'place', note: '' },
  { id: 'pyongyang', en: 'Pyongyang', variants: [], ko: ['평양'], type: 'place', note: '' },
  { id: 'moscow', en: 'Moscow', variants: [], ko: ['모스크바'], type: 'place', note: '' },
  { id: 'hamhung', en: 'Hamhung', variants: ['Hamhŭng'], ko: ['함흥'], type: 'place', note: '' },
  { id: 'wonsan', en: 'Wonsan', variants: [], ko: ['원산'], type: 'place', note: '' },
  { id: 'south-korea', en: 'South Korea', variants: [], ko: ['남조선'], type: 'place', note: '' },
  { id: 'chollima', en: 'Chollima Movement', variants: ['Chollima'], ko: ['천리마운동'], type: 'term', note: '' },
  { id: 'plenum', en: 'plenum', variants: ['plenary session'], ko: ['전원회의'], type: 'term', note: '' },
];
