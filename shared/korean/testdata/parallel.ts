/**
 * Parallel test documents for the suggestion benchmark (bench/korean.bench.ts): short reports
 * in the manner of East German embassy reports from Pyongyang, 1955-1970, written for this
 * project (not archive text), Korean in North Korean spelling and spacing (로동, 녀성, 량,
 * 할것이다) with the English of each line beside it. Nothing here is used to build the model.
 */
import type { TestDocument } from './corpus';

/** A test document whose every Korean line has its English. */
export interface ParallelDocument extends TestDocument {
  /** English of each line of {@link TestDocument.lines}, same length. */
  english: string[];
}

/** Builds a document from [korean, english] pairs. */
function doc(id: string, title: string, pairs: [string, string][]): ParallelDocument {
  return { id, title, lines: pairs.map((p) => p[0]), english: pairs.map((p) => p[1]) };
}

/** The documents. */
export const parallelDocuments: ParallelDocument[] = [
  doc('reconstruction-1955', 'Report on the reconstruction of Pyongyang', [
    ['1955년 8월 9일', '9 August 1955'],
    ['평양시 복구 건설에 관한 보고', 'Report on the reconstruction of the city of Pyongyang'],
    [
      '전쟁으로 파괴된 평양에서는 복구 건설이 빠른 속도로 진행되고 있다. 스딸린거리에는 새로운 살림집과 상점들이 세워졌다.',
      'In Pyongyang, destroyed by the war, reconstruction is proceeding at a fast pace. New dwellings and shops have been built on Stalin Street.',
    ],
    [
      '소련과 중국 그리고 인민민주주의 나라들이 건설 자재와 전문가들을 보내 주었다. 독일민주공화국은 함흥시의 복구를 맡았다.',
      "The Soviet Union, China and the people's democracies sent building materials and experts. The German Democratic Republic took on the reconstruction of Hamhung.",
    ],
    [
      '그러나 많은 주민들은 아직도 토굴과 림시 가옥에서 살고 있다. 겨울을 앞두고 연료와 옷이 부족하다.',
      'But many residents still live in dugouts and temporary houses. With winter approaching, fuel and clothing are in short supply.',
    ],
    [
      '내각은 올해 안으로 4만 평방메터의 살림집을 더 건설할것을 결정하였다.',
      'The Cabinet has decided to build a further 40,000 square metres of housing within this year.',
    ],
  ]),
  doc('cooperatives-1956', 'Report on agricultural cooperativization', [
    ['1956년 10월 4일', '4 October 1956'],
    ['농업협동화의 진행 정형에 관한 보고', 'Report on the progress of agricultural cooperativization'],
    [
      '올해 가을까지 조선의 농가 가운데 약 80%가 농업협동조합에 들어갔다. 도 인민위원회의 일군들은 이 운동이 농민들의 자원성에 기초하고 있다고 강조한다.',
      "By this autumn about 80% of the peasant households of Korea had joined agricultural cooperatives. Officials of the provincial people's committees stress that the movement rests on the peasants' free will.",
    ],
    [
      '그러나 우리 대사관의 일군들이 방문한 황해남도의 몇몇 리에서는 농민들이 조합에 들어가기를 주저하고 있었다. 일부 농민들은 자기의 소와 농기구를 조합에 넘기려 하지 않는다.',
      'However, in several villages of South Hwanghae Province that members of our embassy visited, the peasants were hesitant to join the cooperatives. Some peasants do not want to hand over their oxen and farm tools to the cooperative.',
    ],
    [
      '올해의 알곡 수확고는 지난해보다 높다고 한다. 그러나 국가에 바치는 현물세와 수매량이 많기때문에 농민들의 생활은 여전히 어렵다.',
      "This year's grain harvest is said to be higher than last year's. But because the tax in kind and the state purchases are large, the peasants' life is still hard.",
    ],
    [
      '조선로동당 중앙위원회는 협동조합의 관리 일군들을 양성하기 위하여 각 도에 단기 강습소를 조직하였다.',
      "The Central Committee of the Korean Workers' Party has organised short training courses in every province to train managers for the cooperatives.",
    ],
    ['대사관은 이 문제에 대하여 계속 정보를 수집할것이다.', 'The embassy will continue to gather information on this question.'],
  ]),
  doc('chollima-1959', "Information on the Chollima movement and women's labour", [
    ['1959년 3월 20일', '20 March 1959'],
    ['천리마작업반운동과 녀성들의 로동에 관한 정보', "Information on the Chollima work team movement and women's labour"],
    [
      '강선제강소의 로동자들은 작년 말부터 천리마작업반운동을 시작하였다. 이 운동은 이제 전국의 공장과 기업소들에 퍼지고 있다.',
      'The workers of the Kangson steel works began the Chollima work team movement at the end of last year. The movement is now spreading to factories and enterprises across the country.',
    ],
    [
      '작업반들은 생산 계획을 초과 완수할뿐아니라 공산주의적으로 일하고 배우며 생활할것을 맹세한다.',
      'The work teams not only overfulfil the production plan but pledge to work, study and live in a communist way.',
    ],
    [
      '녀성들은 방직공장과 식료공장에서 로동력의 대부분을 차지하고 있다. 탁아소와 유치원이 많이 세워졌으나 아직 모든 어머니들의 요구를 충족시키지 못한다.',
      'Women make up most of the workforce in the textile mills and food factories. Many crèches and kindergartens have been built, but they do not yet meet the needs of all mothers.',
    ],
    [
      '녀성동맹의 한 일군은 우리에게 녀성들이 남자들과 똑같은 임금을 받는다고 말하였다.',
      "An official of the Women's Union told us that women receive the same wages as men.",
    ],
    [
      '우리의 관찰에 의하면 로동 시간은 매우 길며 휴일에도 자주 동원이 있다.',
      'According to our observation working hours are very long and there are frequent mobilisations even on holidays.',
    ],
  ]),
  doc('delegation-1963', 'Report on the visit of the GDR government delegation', [
    ['1963년 5월 14일', '14 May 1963'],
    ['독일민주공화국 정부 대표단의 방문에 관한 보고', 'Report on the visit of the government delegation of the German Democratic Republic'],
    [
      '대표단은 5월 6일에 평양에 도착하였으며 비행장에서 부수상 리주연 동지의 영접을 받았다.',
      'The delegation arrived in Pyongyang on 6 May and was received at the airport by Deputy Premier Comrade Ri Ju-yon.',
    ],
    [
      '외무성에서 진행된 회담에서 조선측은 두 나라 사이의 무역을 확대할것을 제의하였다. 조선측은 기계와 화학 설비를 요구하였으며 그 대신 아연과 마그네샤 크링카를 공급하겠다고 하였다.',
      'In the talks held at the Foreign Ministry the Korean side proposed to expand trade between the two countries. The Korean side asked for machines and chemical equipment and offered to supply zinc and magnesia clinker in return.',
    ],
    [
      '김일성 수상은 대표단을 접견하고 독일 인민의 평화적 통일을 위한 투쟁을 지지한다고 말하였다. 그는 조선과 독일이 다 같이 분렬된 나라라는것을 강조하였다.',
      'Premier Kim Il Sung received the delegation and said he supports the struggle of the German people for peaceful unification. He stressed that Korea and Germany are both divided countries.',
    ],
    [
      '그러나 중소 론쟁에 관한 우리의 질문에 대하여 조선 동지들은 대답을 피하였다.',
      'But the Korean comrades avoided answering our questions about the Sino-Soviet dispute.',
    ],
    [
      '대표단은 흥남비료공장과 함흥의 건설장들을 참관하고 5월 12일에 귀국하였다.',
      'The delegation visited the Hungnam fertiliser factory and the construction sites of Hamhung and returned home on 12 May.',
    ],
  ]),
  doc('foreign-policy-1967', 'Assessment of the foreign policy of the DPRK', [
    ['1967년 11월 2일', '2 November 1967'],
    ['조선민주주의인민공화국의 대외 정책에 관한 평가', "Assessment of the foreign policy of the Democratic People's Republic of Korea"],
    [
      '조선로동당은 자주성을 더욱 강조하고 있다. 로동신문은 8월에 발표한 론설에서 어느 나라 당도 다른 당에 자기의 견해를 강요하여서는 안된다고 썼다.',
      "The Korean Workers' Party is stressing independence ever more. In an editorial published in August, Rodong Sinmun wrote that no party may force its views on another party.",
    ],
    [
      '소련과의 관계는 1965년 코씨긴 동지의 방문 이후 다시 좋아졌다. 소련은 군사 원조와 경제 원조를 늘이였다.',
      'Relations with the Soviet Union have improved again since the visit of Comrade Kosygin in 1965. The Soviet Union has increased its military and economic aid.',
    ],
    [
      '반면에 중국과의 관계는 문화혁명 이후 매우 랭각되였다. 중국의 홍위병들은 김일성 동지를 비난하는 벽보를 붙였다.',
      'On the other hand, relations with China have cooled sharply since the Cultural Revolution. Chinese Red Guards put up wall posters attacking Comrade Kim Il Sung.',
    ],
    [
      '남조선 문제에 대하여 조선 동지들은 남조선 인민들의 혁명 투쟁을 지원하여야 한다고 되풀이하여 말한다. 군사분계선에서의 충돌이 잦아지고 있다.',
      'On the question of South Korea the Korean comrades repeatedly say that the revolutionary struggle of the South Korean people must be supported. Clashes on the military demarcation line are becoming more frequent.',
    ],
    [
      '우리 대사관은 조선측이 독일민주공화국과의 친선을 중요하게 여기고 있다고 평가한다.',
      'Our embassy assesses that the Korean side values its friendship with the German Democratic Republic.',
    ],
  ]),
];
