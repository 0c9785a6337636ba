"""Synthetic data folders of any size, for scale tests of a city-wide consultation.

`generate(n)` builds the four contract tables for n remarks; `write(folder, n)` saves them as
UTF-8 CSV. The same n and seed always give the same bytes. Everything is made up: the names,
organizations and excerpts are composed from a fixed vocabulary and belong to no real person.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from se_dashboard.data.contract import (
    CODEBOOK,
    KINDS,
    LIST_SEPARATOR,
    ORG_TYPES,
    RECOMMENDATIONS,
    REMARKS,
    STATUSES,
)
from se_dashboard.data.loader import BUNDLED_DATA

REMARKS_PER_PARTICIPANT = 20
MAX_RECOMMENDATIONS = 200
REMARKS_PER_RECOMMENDATION = 10
ZIPF_S = 1.1
EXCERPT_MIN, EXCERPT_MAX = 50, 400
MEETING = "시민 의견 수렴 {}차"
MAX_MEETINGS = 20
PARTICIPANTS_PER_MEETING = 40
# remarks.csv columns in the order of the bundled data.
REMARK_COLUMNS = ("remark_id", "meeting", "speaker", "organization", "role", "org_type", "kind",
                  "themes", "recommendation_ids", "excerpt", "excerpt_en")

# --- vocabulary -----------------------------------------------------------------------------

# (id, label_ko, label_en, description, share of participants, roles)
ORG_TYPE_ROWS: tuple[tuple[str, str, str, str, float, tuple[str, ...]], ...] = (
    ("resident", "주민조직", "Residents' groups",
     "Resident self-governance committees, village groups, apartment councils and small "
     "library committees.", 0.28, ("위원장", "위원", "사무국장", "주민", "통장")),
    ("public", "행정·공공기관", "Government & public agencies",
     "City and provincial departments, community service centres and public institutions.",
     0.10, ("주무관", "팀장", "과장", "동장", "시의원")),
    ("support", "중간지원조직", "Intermediary support bodies",
     "Support centres that serve social economy organizations and villages on behalf of "
     "government.", 0.08, ("센터장", "팀장", "매니저", "코디네이터")),
    ("enterprise", "사회적기업·마을기업", "Social enterprises & village enterprises",
     "Certified and pre-certified social enterprises, village enterprises and self-sufficiency "
     "businesses.", 0.20, ("대표", "이사", "매니저", "직원")),
    ("coop", "협동조합", "Co-operatives",
     "Worker, social and consumer co-operatives and their boards.", 0.18,
     ("이사장", "이사", "조합원", "사무국장")),
    ("civic", "시민사회단체", "Civil society organizations",
     "Civic associations, local networks, welfare councils and local media.", 0.16,
     ("대표", "사무국장", "활동가", "운영위원")),
)

DONGS = ("광명1동", "광명2동", "광명3동", "광명4동", "광명5동", "광명6동", "광명7동", "철산1동",
         "철산2동", "철산3동", "철산4동", "하안1동", "하안2동", "하안3동", "하안4동", "소하1동",
         "소하2동", "학온동", "일직동")
BRANDS = ("햇살", "다온", "초록", "나눔", "온새미로", "두레", "새싹", "마중물", "한울", "늘품",
          "잇다", "꿈틀", "도담", "미리내", "함께", "푸른", "누리", "아름", "소풍", "다솜")
BUSINESSES = ("돌봄", "카페", "공방", "도시락", "청소", "집수리", "출판", "교육", "농장",
              "재활용", "목공", "여행", "빵집", "인쇄")
CIVIC_FIELDS = ("환경", "청년", "여성", "복지", "교육", "문화", "인권", "평화", "장애인", "노동")
CIVIC_FORMS = ("네트워크", "연대", "포럼", "시민모임", "연구소")


def _org_names(org_type: str) -> list[str]:
    """Return every organization name this vocabulary makes for one org type, in a fixed order."""
    if org_type == "resident":
        kinds = ("주민자치회", "마을만들기 모임", "통장협의회", "작은도서관 운영위원회")
        return [f"{d} {kind}" for d in DONGS for kind in kinds]
    if org_type == "public":
        fixed = ["광명시 사회적경제과", "광명시 일자리정책과", "광명시 마을자치과",
                 "광명시 복지정책과", "광명시 도시재생과", "경기도 사회적경제과", "광명시의회",
                 "광명시평생학습원", "광명도시공사"]
        return fixed + [f"{d} 행정복지센터" for d in DONGS]
    if org_type == "support":
        return ["광명시 사회적경제지원센터", "광명시 마을공동체지원센터", "광명시 청년센터",
                "광명시 도시재생지원센터", "광명시 공익활동지원센터", "광명지역자활센터",
                "광명시 자원봉사센터", "경기도 사회적경제원", "광명시 평생학습센터",
                "광명시 여성비전센터"]
    if org_type == "enterprise":
        return [f"(주){b}{x}" if i % 3 else f"마을기업 {b}{x}"
                for i, (b, x) in enumerate((b, x) for b in BRANDS for x in BUSINESSES)]
    if org_type == "coop":
        return [f"{b}{x} {form}" for b in BRANDS for x in BUSINESSES
                for form in ("협동조합", "사회적협동조합")] + [
                    f"{b} 소비자생활협동조합" for b in BRANDS]
    return [f"광명 {f} {form}" for f in CIVIC_FIELDS for form in CIVIC_FORMS] + [
        f"{d} 지역사회보장협의체" for d in DONGS]


SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
            "권", "황", "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허")
SURNAME_WEIGHTS = (21.6, 14.8, 8.5, 4.7, 4.3, 2.4, 2.1, 2.1, 2.0, 2.0, 1.5, 1.5, 1.5, 1.5, 1.4,
                   1.4, 1.4, 1.3, 1.1, 1.1, 1.1, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.6)
GIVEN_SYLLABLES = ("민", "서", "지", "현", "준", "영", "수", "은", "하", "윤", "우", "진", "성",
                   "혜", "경", "미", "재", "호", "동", "희", "승", "연", "주", "정", "태", "아",
                   "유", "원", "상", "용", "석", "훈", "선", "숙", "철", "빈", "율", "나", "소",
                   "예")

# (id, label_ko, label_en, definition, ((keyword_ko, keyword_en), ...)), most frequent first.
THEME_ROWS: tuple[tuple[str, str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("village", "마을공동체", "Village communities",
     "The remark is about villages as the unit of the social economy: resident organizing, "
     "village projects and neighbourly ties.",
     (("마을공동체", "village communities"), ("마을 모임", "village groups"),
      ("이웃 관계", "neighbourly ties"), ("마을 활동가", "village activists"))),
    ("support_center", "지원센터·중간지원조직", "Support centre & intermediary body",
     "The remark is about the support centre or intermediary body: its size, staff, budget or "
     "operating model.",
     (("지원센터", "the support centre"), ("중간지원조직", "the intermediary body"),
      ("센터 인력", "centre staff"), ("위탁 운영", "commissioned operation"))),
    ("funding", "재정·예산 지원", "Funding & budgets",
     "The remark is about money from the city or province: operating grants, programme budgets "
     "and open-call subsidies.",
     (("운영비 지원", "operating grants"), ("사업 예산", "programme budgets"),
      ("공모사업", "open-call grants"), ("보조금", "subsidies"))),
    ("governance", "민관 협치·거버넌스", "Public-private governance",
     "The remark is about how the city and civil society decide together: councils, "
     "representation and decision-making.",
     (("민관 협치", "public-private governance"), ("협의체", "the council"),
      ("의사결정 구조", "decision-making"), ("주민 대표성", "resident representation"))),
    ("space", "공간·거점", "Space & hubs",
     "The remark is about physical space for organizations: shared spaces, hubs, vacant "
     "buildings and rent.",
     (("공유 공간", "shared space"), ("거점 공간", "hub spaces"), ("유휴 공간", "vacant space"),
      ("임대료", "rent"))),
    ("sustainability", "기업 지속가능성·자립", "Enterprise sustainability & self-reliance",
     "The remark is about keeping existing enterprises alive: stability, self-reliance, sales "
     "and closures.",
     (("자립 기반", "self-reliance"), ("판로", "sales channels"), ("경영 안정", "stability"),
      ("폐업", "closures"))),
    ("procurement", "공공구매·판로", "Public procurement & markets",
     "The remark is about public purchasing and other markets for social economy products and "
     "services.",
     (("공공구매", "public procurement"), ("우선구매", "priority purchasing"),
      ("판매처", "outlets"), ("온라인 판로", "online sales"))),
    ("care", "돌봄·사회서비스", "Care & social services",
     "The remark is about care for older people and children and other social services "
     "delivered locally.",
     (("돌봄 서비스", "care services"), ("어르신 돌봄", "elderly care"),
      ("아이 돌봄", "childcare"), ("사회서비스", "social services"))),
    ("youth", "청년 참여·일자리", "Youth participation & jobs",
     "The remark is about young people: their start-ups, jobs, activism and exchange between "
     "generations.",
     (("청년 창업", "youth start-ups"), ("청년 활동가", "young activists"),
      ("청년 일자리", "youth jobs"), ("세대 교류", "exchange between generations"))),
    ("education", "교육·역량 강화", "Education & capacity building",
     "The remark is about training and learning for social economy actors and residents.",
     (("역량 강화 교육", "capacity training"), ("아카데미", "the academy"),
      ("현장 실습", "field placements"), ("학습 모임", "study groups"))),
    ("network", "네트워크·연대", "Networks & solidarity",
     "The remark is about links among organizations: cooperation, associations and solidarity.",
     (("네트워크", "networks"), ("연대", "solidarity"), ("상호 협력", "mutual cooperation"),
      ("협의회", "the association"))),
    ("trust", "신뢰 형성", "Trust building",
     "The remark is about trust between residents, organizations and the administration.",
     (("신뢰", "trust"), ("소통", "communication"), ("투명성", "transparency"),
      ("약속 이행", "keeping promises"))),
    ("coop_growth", "협동조합 육성", "Growing co-operatives",
     "The remark is about founding and running co-operatives and the participation of their "
     "members.",
     (("협동조합 설립", "co-op formation"), ("조합원 참여", "member participation"),
      ("협동조합 교육", "co-op education"), ("조합 운영", "co-op management"))),
    ("jobs", "일자리·고용", "Jobs & employment",
     "The remark is about work created by the social economy, especially for vulnerable groups.",
     (("일자리", "jobs"), ("취약계층 고용", "jobs for vulnerable groups"),
      ("고용 안정", "job security"), ("인건비 지원", "wage subsidies"))),
    ("local_economy", "지역 순환경제", "Local circular economy",
     "The remark is about keeping money in the city: local currency, local shops and markets.",
     (("지역 화폐", "local currency"), ("지역 순환", "local circulation"),
      ("골목상권", "local shops"), ("전통시장", "traditional markets"))),
    ("environment", "환경·에너지 전환", "Environment & energy transition",
     "The remark is about recycling, energy co-ops, zero waste and carbon neutrality.",
     (("재활용", "recycling"), ("에너지 협동조합", "energy co-ops"),
      ("탄소 중립", "carbon neutrality"), ("제로웨이스트", "zero waste"))),
    ("housing", "주거·도시재생", "Housing & urban regeneration",
     "The remark is about housing conditions, community housing and urban regeneration.",
     (("도시재생", "urban regeneration"), ("공동체 주택", "community housing"),
      ("주거 환경", "housing conditions"), ("집수리", "home repair"))),
    ("food", "먹거리·로컬푸드", "Food & local produce",
     "The remark is about local food, public catering and urban farming.",
     (("로컬푸드", "local food"), ("공공급식", "public catering"), ("도시농업", "urban farming"),
      ("먹거리", "food"))),
    ("culture", "문화·예술", "Arts & culture",
     "The remark is about arts, festivals and everyday culture in the neighbourhood.",
     (("문화 예술", "arts and culture"), ("마을 축제", "village festivals"),
      ("생활 문화", "everyday culture"), ("문화 공간", "cultural venues"))),
    ("finance", "사회적 금융", "Social finance",
     "The remark is about funds, loans and crowdfunding for social economy organizations.",
     (("사회적 금융", "social finance"), ("기금", "the fund"), ("융자", "loans"),
      ("크라우드펀딩", "crowdfunding"))),
    ("information", "정보·홍보", "Information & publicity",
     "The remark is about how residents learn about the social economy: publicity, platforms "
     "and shared information.",
     (("홍보", "publicity"), ("정보 공유", "information sharing"),
      ("온라인 플랫폼", "the online platform"), ("인지도", "public awareness"))),
    ("evaluation", "성과 평가·지표", "Evaluation & indicators",
     "The remark is about measuring results: indicators, social value and monitoring.",
     (("성과 지표", "indicators"), ("사회적 가치 측정", "social value measurement"),
      ("평가 체계", "evaluation"), ("모니터링", "monitoring"))),
    ("regulation", "제도·조례", "Rules & ordinances",
     "The remark is about the ordinance, certification and administrative procedures.",
     (("조례", "the ordinance"), ("인증 제도", "certification"),
      ("행정 절차", "administrative procedures"), ("규제", "regulation"))),
    ("incubation", "발굴·육성", "Incubation",
     "The remark is about finding and fostering new enterprises through start-up support and "
     "consulting.",
     (("예비 사회적기업", "pre-certified enterprises"), ("창업 지원", "start-up support"),
      ("인큐베이팅", "incubation"), ("컨설팅", "consulting"))),
    ("welfare", "복지 연계", "Links with welfare",
     "The remark is about links with welfare centres, welfare councils and self-sufficiency "
     "programmes.",
     (("복지관", "welfare centres"), ("지역사회보장협의체", "the community welfare council"),
      ("취약계층", "vulnerable groups"), ("자활", "self-sufficiency programmes"))),
    ("participation", "시민 참여", "Citizen participation",
     "The remark is about how citizens take part: proposals, participatory budgeting and "
     "public forums.",
     (("시민 참여", "citizen participation"), ("주민 제안", "resident proposals"),
      ("참여 예산", "participatory budgeting"), ("공론장", "public forums"))),
    ("implementation", "실행력·구체성", "Implementation & concreteness",
     "The remark asks for the plan to be executable: action plans, timelines and responsible "
     "departments.",
     (("실행계획", "the action plan"), ("추진 일정", "the timeline"),
      ("담당 부서", "responsible departments"), ("후속 조치", "follow-up"))),
    ("digital", "디지털 전환", "Digital transition",
     "The remark is about digital tools, online learning, platform co-ops and data.",
     (("디지털 전환", "the digital transition"), ("온라인 교육", "online learning"),
      ("플랫폼 협동조합", "platform co-ops"), ("데이터", "data"))),
    ("research", "연구·실태 분석", "Research & diagnosis",
     "The remark asks for surveys, baseline research, case studies or statistics.",
     (("실태 조사", "field surveys"), ("기초 연구", "baseline research"),
      ("사례 분석", "case studies"), ("통계", "statistics"))),
    ("gender", "여성·성평등", "Women & gender equality",
     "The remark is about women's jobs, career breaks and gender equality in the social economy.",
     (("여성 일자리", "women's jobs"), ("경력 단절", "career breaks"),
      ("성평등", "gender equality"), ("여성 기업", "women-led enterprises"))),
)

OPENERS = ("", "", "", "솔직히 ", "현장에서 보면 ", "무엇보다 ", "개인적으로는 ", "덧붙이자면 ",
           "특히 ", "지난 몇 년을 돌아보면 ", "다른 지역 사례를 보면 ", "우리 동네에서는 ")
CONTEXTS = ("", "", "마을 단위에서 ", "행정과 현장 사이에서 ", "광명시 전체로 보면 ",
            "작은 기업들에게는 ", "5개년 기본계획 안에서 ", "조합원 입장에서 ",
            "주민들 눈높이에서 ", "동 행정복지센터를 중심으로 ", "공모사업 중심 구조에서는 ")
# Predicates by kind; {obj} {subj} {top} {wa} take the keyword with its particle.
PREDICATES: dict[str, tuple[str, ...]] = {
    "제안": ("{obj} 구체적으로 챙길 수 있는 방안이 필요하다.",
             "{x}에 대한 예산과 인력을 함께 마련해 주었으면 좋겠다.",
             "{obj} 실행계획에 분명히 담아야 한다.",
             "{obj} 주민과 함께 논의하는 자리를 정례화하자.",
             "{wa} 관련해 작은 시범 사업부터 시작해 보면 좋겠다.",
             "{subj} 제대로 자리 잡도록 시가 중장기 지원을 약속해 주면 좋겠다."),
    "우려": ("{subj} 형식적인 절차로 끝날까 걱정된다.",
             "{x}에 대한 지원이 줄어들면 현장이 버티기 어렵다.",
             "{subj} 행정 중심으로만 흘러갈 우려가 있다.",
             "{obj} 둘러싼 갈등이 커질 수 있어 조심스럽다.",
             "담당자가 바뀔 때마다 {subj} 원점으로 돌아가는 것이 문제다."),
    "평가": ("{top} 예전보다 많이 나아졌다고 본다.",
             "{x} 분야에서는 의미 있는 성과가 있었다.",
             "{top} 아직 현장에서 체감하기 어렵다.",
             "{subj} 잘 된 곳을 보면 사람과 조직이 함께 성장했다.",
             "그동안의 {x} 사업은 양에 비해 질이 부족했다."),
    "공감": ("{subj} 중요하다는 말씀에 깊이 공감한다.",
             "앞서 나온 {x} 이야기에 전적으로 동의한다.",
             "{obj} 함께 고민해야 한다는 데 뜻을 같이한다.",
             "{x}에 관한 제안이 현장의 목소리를 잘 담고 있다고 생각한다."),
}
FILLERS = ("그 부분은 꼭 짚고 넘어가고 싶다.", "현장의 이야기를 더 많이 들어 주셨으면 한다.",
           "이번 계획이 말로만 끝나지 않기를 바란다.", "사람이 바뀌어도 이어질 수 있어야 한다.",
           "작은 것부터 하나씩 해 나가면 된다고 생각한다.", "결국은 사람이 가장 중요하다.",
           "시민들이 체감할 수 있는 변화가 필요하다.", "오늘 이런 자리를 마련해 주셔서 감사하다.",
           "다음 회의에서도 이 이야기를 계속 이어 갔으면 한다.")
KIND_WEIGHTS = (0.40, 0.20, 0.20, 0.20)
ENGLISH: dict[str, tuple[str, ...]] = {
    "제안": ("Proposes concrete support for {}.", "Asks the plan to budget for {}."),
    "우려": ("Worries that {} will stay a formality.", "Concerned about cuts to {}."),
    "평가": ("Says {} has improved but is not yet felt.", "Assesses past work on {}."),
    "공감": ("Agrees that {} matters.", "Supports the earlier point on {}."),
}
ACTIONS = (
    ("확대 방안 마련", "Plan the expansion of"), ("지원 체계 정비", "Rework support for"),
    ("실태 조사", "Survey"), ("민관 협의체 구성", "Set up a public-private council on"),
    ("전담 예산 확보", "Secure a dedicated budget for"), ("조례 개정 검토", "Review the rules on"),
    ("시범 사업 추진", "Pilot projects on"), ("교육 프로그램 운영", "Run training on"),
    ("성과 지표 개발", "Develop indicators for"), ("중장기 로드맵 수립", "Draw up a roadmap for"),
    ("정기 공론장 운영", "Hold regular forums on"), ("전담 인력 배치", "Assign staff to"),
    ("우수 사례 공유", "Share good practice in"), ("주민 참여 확대", "Widen participation in"),
    ("권역별 거점 마련", "Set up district hubs for"), ("온라인 정보 공개", "Publish data on"),
    ("연계 협력 강화", "Strengthen cooperation on"), ("평가·환류 체계 도입", "Evaluate"),
    ("청년 참여 지원", "Involve young people in"), ("공공구매 연계", "Link procurement to"),
)
STATUS_WEIGHTS = (0.25, 0.20, 0.40, 0.15)  # in STATUSES order
POOL_PER_THEME_KIND = 32


# --- helpers --------------------------------------------------------------------------------


def _has_batchim(word: str) -> bool:
    """Whether the last Hangul syllable of word ends in a consonant (받침)."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def _particles(word: str) -> dict[str, str]:
    """Return the format fields of a predicate: the keyword bare and with its particles."""
    final = _has_batchim(word)
    return {"x": word, "obj": word + ("을" if final else "를"),
            "subj": word + ("이" if final else "가"), "top": word + ("은" if final else "는"),
            "wa": word + ("과" if final else "와")}


def _unique(names: Iterable[str]) -> list[str]:
    """Return names with repeats made unique by a numbered suffix: 김민준, 김민준(2), ..."""
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name}({seen[name]})")
    return out


def _apportion(total: int, weights: Sequence[float], at_least_one: bool) -> np.ndarray:
    """Return integer counts summing to total, proportional to weights (largest remainder)."""
    floor = len(weights) if at_least_one and total >= len(weights) else 0
    share = np.asarray(weights, dtype=float) / sum(weights) * (total - floor)
    counts = np.floor(share).astype(np.int64)
    order = np.argsort(-(share - counts), kind="stable")
    counts[order[: total - floor - int(counts.sum())]] += 1
    return counts + (1 if floor else 0)


def _weighted_distinct(rng: np.random.Generator, weights: np.ndarray, rows: int,
                       k: int) -> np.ndarray:
    """Return a (rows, k) array of distinct indices per row, drawn by weight without replacement.

    Gumbel top-k: adding Gumbel noise to log-weights and sorting gives successive weighted draws.
    """
    keys = np.log(weights)[None, :] + rng.gumbel(size=(rows, len(weights)))
    top = np.argpartition(-keys, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(keys, top, axis=1), axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1)


def _sentence_pool(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Return Korean sentences and their lengths: POOL_PER_THEME_KIND per (theme, kind), in
    that order, then the fillers."""
    pool: list[str] = []
    for _theme_id, _ko, _en, _definition, keywords in THEME_ROWS:
        fields = [_particles(ko) for ko, _ in keywords]
        for kind in KINDS:
            predicates = PREDICATES[kind]
            sentences: dict[str, None] = {}  # distinct, in the order drawn
            while len(sentences) < POOL_PER_THEME_KIND:
                picks = rng.integers(0, [len(OPENERS), len(CONTEXTS), len(fields),
                                         len(predicates)], size=(POOL_PER_THEME_KIND, 4))
                for o, c, f, p in picks.tolist():
                    sentences[OPENERS[o] + CONTEXTS[c] + predicates[p].format(**fields[f])] = None
            pool.extend(list(sentences)[:POOL_PER_THEME_KIND])
    pool.extend(FILLERS)
    lengths = np.fromiter(map(len, pool), dtype=np.int64, count=len(pool))
    return pool, lengths


def _excerpts(rng: np.random.Generator, themes: np.ndarray, n_themes: np.ndarray,
              kinds: np.ndarray) -> list[str]:
    """Return one Korean excerpt of EXCERPT_MIN..EXCERPT_MAX characters per remark.

    Sentence j of a remark speaks of the remark's theme j mod (its number of themes), in the
    remark's kind; some later sentences are general fillers.
    """
    pool, lengths = _sentence_pool(rng)
    n, slots = len(kinds), 8
    assert len(FILLERS) >= slots
    # Every sentence is 6..350 characters, so some prefix of 8 always lands in 50..400.
    assert lengths.min() * slots + slots - 1 >= EXCERPT_MIN
    assert lengths.max() + EXCERPT_MIN <= EXCERPT_MAX
    col = np.arange(slots)[None, :] % n_themes[:, None]
    theme_of = np.take_along_axis(themes, col, axis=1)
    # An odd stride through a pool of 32 never repeats a sentence within one remark.
    stride = 2 * rng.integers(0, POOL_PER_THEME_KIND // 2, size=(n, 1)) + 1
    within = (rng.integers(0, POOL_PER_THEME_KIND, size=(n, 1))
              + stride * np.arange(slots)[None, :]) % POOL_PER_THEME_KIND
    idx = (theme_of * len(KINDS) + kinds[:, None]) * POOL_PER_THEME_KIND + within
    filler = (rng.random((n, slots)) < 0.15) & (np.arange(slots) > 0)
    fill_idx = len(pool) - len(FILLERS) + (  # successive fillers: none repeats in a remark
        rng.integers(0, len(FILLERS), size=(n, 1)) + np.arange(slots)[None, :]) % len(FILLERS)
    idx = np.where(filler, fill_idx, idx)
    total = np.cumsum(lengths[idx] + 1, axis=1) - 1  # joined with one space
    target = rng.choice(np.arange(1, slots + 1), size=n,
                        p=[0.14, 0.25, 0.2, 0.15, 0.11, 0.07, 0.05, 0.03])
    shortest = 1 + np.argmax(total >= EXCERPT_MIN, axis=1)
    longest = (total <= EXCERPT_MAX).sum(axis=1)
    count = np.clip(target, shortest, longest)
    return [" ".join(map(pool.__getitem__, row[:k]))
            for row, k in zip(idx.tolist(), count.tolist(), strict=True)]


# --- tables ---------------------------------------------------------------------------------


def _org_types_table() -> pd.DataFrame:
    rows = [row[:4] for row in ORG_TYPE_ROWS]
    return pd.DataFrame(rows, columns=["org_type", "label_ko", "label_en", "description_en"])


def _codebook_table() -> pd.DataFrame:
    rows = [(tid, ko, en, definition, LIST_SEPARATOR.join(k for k, _ in keywords))
            for tid, ko, en, definition, keywords in THEME_ROWS]
    return pd.DataFrame(rows, columns=["theme_id", "label_ko", "label_en", "definition_en",
                                       "keywords"])


def _participants(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Return n participants (speaker, organization, role, org_type, meeting), meeting order."""
    shares = np.array([row[4] for row in ORG_TYPE_ROWS])
    type_idx = rng.choice(len(ORG_TYPE_ROWS), size=n, p=shares / shares.sum())
    organizations = np.empty(n, dtype=object)
    roles = np.empty(n, dtype=object)
    for t, (org_type, *_rest, role_names) in enumerate(ORG_TYPE_ROWS):
        members = np.flatnonzero(type_idx == t)
        if not len(members):
            continue
        names = _org_names(org_type)
        # About two to three people per organization; more people than names share them.
        n_orgs = min(len(names), max(1, -(-len(members) * 2 // 5)))
        chosen = [names[i] for i in rng.permutation(len(names))[:n_orgs]]
        organizations[members] = [chosen[i] for i in rng.integers(0, n_orgs, len(members))]
        role_pick = rng.integers(0, len(role_names), len(members))
        blank = rng.random(len(members)) < 0.03
        roles[members] = ["" if b else role_names[r]
                          for r, b in zip(role_pick.tolist(), blank.tolist(), strict=True)]
    surname = rng.choice(len(SURNAMES), size=n,
                         p=np.array(SURNAME_WEIGHTS) / sum(SURNAME_WEIGHTS))
    given = rng.integers(0, len(GIVEN_SYLLABLES), size=(n, 2))
    speakers = _unique(SURNAMES[s] + GIVEN_SYLLABLES[a] + GIVEN_SYLLABLES[b]
                       for s, (a, b) in zip(surname.tolist(), given.tolist(), strict=True))
    n_meetings = min(MAX_MEETINGS, max(1, -(-n // PARTICIPANTS_PER_MEETING)))
    meeting = np.arange(n) * n_meetings // n
    return pd.DataFrame({
        "speaker": speakers, "organization": organizations.tolist(), "role": roles.tolist(),
        "org_type": [ORG_TYPE_ROWS[t][0] for t in type_idx.tolist()],
        "meeting": [MEETING.format(m + 1) for m in meeting.tolist()],
    })


def _id_column(prefix: str, n: int, width: int) -> list[str]:
    width = max(width, len(str(n)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _join(ids: Sequence[str], rows: np.ndarray, counts: np.ndarray) -> list[str]:
    """Return the `;` list cell of each row: ids[rows[i, :counts[i]]]."""
    return [LIST_SEPARATOR.join(ids[j] for j in row[:k])
            for row, k in zip(rows.tolist(), counts.tolist(), strict=True)]


def generate(n_remarks: int, seed: int = 0) -> dict[str, pd.DataFrame]:
    """Return the four tables of a synthetic data folder, by filename, for n_remarks remarks.

    About n_remarks/20 participants in 6 org types; 30 themes with Zipf-like frequencies (1-3 per
    remark); up to 200 recommendations (n_remarks/10, at least 1), each backed by at least one
    remark, with 0-2 per remark. The same arguments always give the same tables.
    """
    if n_remarks < 1:
        raise ValueError(f"n_remarks must be at least 1 (got {n_remarks})")
    if seed < 0:
        raise ValueError(f"seed must be at least 0 (got {seed})")
    rng = np.random.default_rng(seed)
    n = n_remarks
    n_themes_total = len(THEME_ROWS)
    theme_ids = [row[0] for row in THEME_ROWS]

    # Participants, each speaking at least once; the rest of the remarks go to them unevenly.
    n_people = max(1, (n + REMARKS_PER_PARTICIPANT // 2) // REMARKS_PER_PARTICIPANT)
    people = _participants(rng, n_people)
    activity = rng.gamma(1.5, size=n_people)
    speaker = np.concatenate([np.arange(n_people),
                              rng.choice(n_people, size=n - n_people, p=activity / activity.sum())])
    # Transcript order: by meeting, then speaker; a speaker's remarks follow one another.
    speaker = np.sort(speaker, kind="stable")

    # Themes: 1-3 distinct per remark, theme k drawn with weight 1/k^s.
    zipf = 1.0 / np.arange(1, n_themes_total + 1) ** ZIPF_S
    themes = _weighted_distinct(rng, zipf, n, 3)
    n_themes = rng.choice([1, 2, 3], size=n, p=[0.5, 0.35, 0.15])
    kinds = rng.choice(len(KINDS), size=n, p=KIND_WEIGHTS)

    # Recommendations: each anchored on one remark (its backing) and on that remark's themes.
    n_recs = min(MAX_RECOMMENDATIONS, max(1, n // REMARKS_PER_RECOMMENDATION))
    anchors = np.sort(rng.choice(n, size=n_recs, replace=False))
    rec_theme = themes[anchors, 0]
    rec_n_themes = np.minimum(n_themes[anchors], 2)
    # Other remarks back a recommendation on their own theme where there is one.
    by_theme = np.argsort(rec_theme, kind="stable")
    per_theme = np.bincount(rec_theme, minlength=n_themes_total)
    start = np.cumsum(per_theme) - per_theme

    def pick(theme: np.ndarray) -> np.ndarray:
        offset = np.floor(rng.random(n) * per_theme[theme]).astype(np.int64)
        matched = by_theme[np.minimum(start[theme] + offset, n_recs - 1)]
        return np.where(per_theme[theme] > 0, matched, rng.integers(0, n_recs, n))

    n_links = rng.choice([0, 1, 2], size=n, p=[0.5, 0.38, 0.12])
    first = pick(themes[:, 0])
    first[anchors] = np.arange(n_recs)
    n_links[anchors] = np.maximum(n_links[anchors], 1)
    second = pick(np.where(n_themes > 1, themes[:, 1], themes[:, 0]))
    n_links = np.where((n_links == 2) & (second == first), 1, n_links)
    links = np.stack([first, second], axis=1)

    rec_ids = _id_column("R", n_recs, 3)
    remarks = pd.DataFrame({
        "remark_id": _id_column("S", n, 6),
        "meeting": people["meeting"].to_numpy()[speaker],
        "speaker": people["speaker"].to_numpy()[speaker],
        "organization": people["organization"].to_numpy()[speaker],
        "role": people["role"].to_numpy()[speaker],
        "org_type": people["org_type"].to_numpy()[speaker],
        "kind": np.array(KINDS)[kinds],
        "themes": _join(theme_ids, themes, n_themes),
        "recommendation_ids": _join(rec_ids, links, n_links),
        "excerpt": _excerpts(rng, themes, n_themes, kinds),
        "excerpt_en": _english(rng, themes[:, 0], kinds),
    }, columns=list(REMARK_COLUMNS))
    recommendations = _recommendations(rng, rec_ids, themes[anchors], rec_n_themes, theme_ids)
    return {REMARKS.filename: remarks, ORG_TYPES.filename: _org_types_table(),
            CODEBOOK.filename: _codebook_table(), RECOMMENDATIONS.filename: recommendations}


def _english(rng: np.random.Generator, theme: np.ndarray, kinds: np.ndarray) -> list[str]:
    """Return a short English gloss for about a third of the remarks, blank for the rest."""
    n = len(kinds)
    filled = (rng.random(n) < 0.35).tolist()
    keyword = rng.integers(0, 4, n).tolist()
    template = rng.integers(0, 2, n).tolist()
    return [ENGLISH[KINDS[k]][tp].format(THEME_ROWS[t][4][kw][1]) if f else ""
            for f, t, k, kw, tp in zip(filled, theme.tolist(), kinds.tolist(), keyword, template,
                                       strict=True)]


def _recommendations(rng: np.random.Generator, rec_ids: list[str], themes: np.ndarray,
                     n_themes: np.ndarray, theme_ids: list[str]) -> pd.DataFrame:
    """Return recommendations.csv: titles from a theme keyword and an action, mixed statuses."""
    seen_per_theme: Counter[int] = Counter()
    offsets = rng.integers(0, len(ACTIONS), size=len(THEME_ROWS)).tolist()
    titles_ko, titles_en, details_ko, details_en = [], [], [], []
    for t in themes[:, 0].tolist():
        j = offsets[t] + seen_per_theme[t]
        seen_per_theme[t] += 1
        keywords = THEME_ROWS[t][4]
        # Successive recommendations on a theme take successive (action, keyword) pairs: no
        # repeats until a theme has more recommendations than pairs.
        kw_ko, kw_en = keywords[(j // len(ACTIONS) + j) % len(keywords)]
        action = j % len(ACTIONS)
        if set(ACTIONS[action][0].split()) & set(kw_ko.split()):  # no "실태 조사 실태 조사"
            action = (action + 1) % len(ACTIONS)
        action_ko, action_en = ACTIONS[action]
        titles_ko.append(f"{kw_ko} {action_ko}")
        titles_en.append(f"{action_en} {kw_en}")
        details_ko.append(f"시민 의견 수렴 참석자들이 '{THEME_ROWS[t][1]}' 주제에서 {kw_ko} "
                          f"{action_ko}을(를) 요청했다.")
        details_en.append(f"Participants of the citywide consultation asked the city to "
                          f"{action_en[0].lower()}{action_en[1:]} {kw_en}, under the theme "
                          f"'{THEME_ROWS[t][2]}'.")
    statuses = np.repeat(np.arange(len(STATUSES)),
                         _apportion(len(rec_ids), STATUS_WEIGHTS, at_least_one=True))
    status = np.array(STATUSES)[rng.permutation(statuses)]
    return pd.DataFrame({
        "rec_id": rec_ids, "title_ko": _unique(titles_ko), "title_en": _unique(titles_en),
        "detail_ko": details_ko, "detail_en": details_en,
        "themes": _join(theme_ids, themes, n_themes), "status": status,
    })


def counts(tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Return the figures `validate` prints (participants, excerpts, ...) for generated tables."""
    return {
        "participants": int(tables[REMARKS.filename]["speaker"].nunique()),
        "excerpts": len(tables[REMARKS.filename]),
        "org_types": len(tables[ORG_TYPES.filename]),
        "themes": len(tables[CODEBOOK.filename]),
        "recommendations": len(tables[RECOMMENDATIONS.filename]),
        "meetings": int(tables[REMARKS.filename]["meeting"].nunique()),
        "not_coded": int((tables[REMARKS.filename]["themes"] == "").sum()),
    }


def write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write tables as UTF-8 CSV files (`\\n` line ends) into folder; return the resolved folder.

    Creates the folder if needed and overwrites same-named files in it; refuses the bundled
    data/ folder.
    """
    folder = Path(folder).expanduser().resolve()
    if folder == BUNDLED_DATA:
        raise ValueError(f"refusing to overwrite the bundled data folder {folder}")
    folder.mkdir(parents=True, exist_ok=True)
    for filename, table in tables.items():
        with (folder / filename).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.columns)
            # Column lists zipped into rows: twice as fast as itertuples on string columns.
            writer.writerows(zip(*(table[c].tolist() for c in table.columns), strict=True))
    return folder


def write(folder: Path, n_remarks: int, seed: int = 0) -> Path:
    """Write a synthetic data folder of n_remarks remarks; return the resolved folder."""
    return write_tables(folder, generate(n_remarks, seed))
