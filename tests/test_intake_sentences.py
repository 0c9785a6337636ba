"""Excerpts by sentence: kiwipiepy's boundaries, never inside a sentence, verbatim but for
whitespace, and the whole text covered."""

from __future__ import annotations

from se_dashboard.intake.sentences import _pieces, kiwi, normalize, split_sentences


def test_one_excerpt_per_sentence_verbatim() -> None:
    text = "서울과 경기도는 다르다.  경기도의\xa0사례도\n소개되면 좋겠다. 연구가 필요하다!"
    assert split_sentences([text]) == [
        ("서울과 경기도는 다르다.", "경기도의 사례도 소개되면 좋겠다.", "연구가 필요하다!")]


def test_a_piece_ending_in_a_comma_is_not_a_sentence() -> None:
    # kiwipiepy ends a sentence after `…있을지,` here (seen in the bundled article, 조한수)
    text = ("지역 내에서 얼마나 많은 풀(Pool)을 육성할 수 있을지, "
            "육성 사업을 강화하는 연구가 필요하다.")
    assert next(s.text for s in kiwi().split_into_sents(text)).endswith(",")
    assert split_sentences([text]) == [(text,)]


def test_brackets_left_open_are_joined_with_the_next_piece() -> None:
    # kiwipiepy keeps these whole; the guard holds if a cut ever falls inside brackets
    text = "그는 “좋다. 정말 좋다.”라고 말했다. 다음 문장이다."
    assert split_sentences([text]) == [("그는 “좋다. 정말 좋다.”라고 말했다.", "다음 문장이다.")]
    cut_inside = [0, text.index("정말"), text.index("다음")]
    assert _pieces(text, cut_inside) == ("그는 “좋다. 정말 좋다.”라고 말했다.", "다음 문장이다.")
    assert _pieces("풀(Pool. 예) 이다. 끝.", [0, 8, 15]) == ("풀(Pool. 예) 이다.", "끝.")


def test_joined_pieces_stay_verbatim_where_the_text_has_no_space() -> None:
    # the cut after `있을지,` is dropped: the excerpt is the text itself, no space added
    assert _pieces("있을지,육성한다.다음.", [0, 4, 9]) == ("있을지,육성한다.", "다음.")
    for text in ["했다.그리고 했다.", "좋아요😀😀. 다음 문장이다.",
                 "「인용」요?TFT(Task Force)있을지,(추진한다정말사업을 3.😀」….",
                 "가.나.다.(라. 마."]:
        excerpts = split_sentences([text])[0]
        assert all(e and e in normalize(text) for e in excerpts), text
        assert "".join(excerpts).replace(" ", "") == text.replace(" ", ""), text


def test_many_texts_in_one_call_and_empty_texts() -> None:
    texts = ["첫째다. 둘째다.", "", "  \n ", "셋째 문장 하나뿐"]
    assert split_sentences(texts) == [("첫째다.", "둘째다."), (), (), ("셋째 문장 하나뿐",)]
    assert split_sentences([]) == []


def test_sentences_cover_the_text_exactly() -> None:
    text = ("아무리 좋은 계획이라도 실행력이 담보되지 않으면 유명무실한 계획이 된다는 점을 "
            "강조하고 싶다. "
            "그런 차원에서 TFT(Task Force Team) 내에 예산 담당으로 회계 관련 중간관리자급의 "
            "위원이 배치되어야 할 것 같고, 인원 충원 역시 필수적이라 생각한다.")
    sentences = split_sentences([text])[0]
    assert len(sentences) == 2
    assert " ".join(sentences) == normalize(text)


def test_kiwi_is_built_once() -> None:
    assert kiwi() is kiwi()
