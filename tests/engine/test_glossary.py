"""The glossary: both languages for every term, and the interface's own Chinese words."""

import xml.etree.ElementTree as ET  # the project's own .ts file
from pathlib import Path

from neurongui.engine.glossary import TERMS, search

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "neurongui_zh_CN.ts"


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_term_has_both_languages():
    assert len(TERMS) >= 40
    for term in TERMS:
        assert term.english.strip() and term.explain_en.strip(), term
        assert not _chinese(term.english + term.explain_en), term
        assert term.chinese.strip() and _chinese(term.chinese + term.explain_zh), term
    assert len({t.english for t in TERMS}) == len(TERMS)
    assert len({t.chinese for t in TERMS}) == len(TERMS)


def test_the_words_a_course_needs_are_there():
    pairs = {t.english: t.chinese for t in TERMS}
    expected = {
        "weight": "权重",
        "bias": "偏置",
        "activation function": "激活函数",
        "loss": "损失",
        "gradient": "梯度",
        "learning rate": "学习率",
        "epoch": "轮次",
        "batch size": "批大小",
        "backpropagation": "反向传播",
        "overfitting": "过拟合",
    }
    assert {k: pairs.get(k) for k in expected} == expected


def test_the_chinese_terms_are_the_interfaces():
    """Where the interface says the word, its translation uses the glossary's term."""
    translations: dict[str, list[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.find("source").text or ""
        translations.setdefault(source, []).append(message.find("translation").text or "")
    checked = 0
    for term in TERMS:
        if not term.ui:
            continue
        assert term.ui in translations, f"{term.english}: the interface has no {term.ui!r}"
        assert any(term.chinese in text for text in translations[term.ui]), (
            term.english,
            term.chinese,
            translations[term.ui],
        )
        checked += 1
    assert checked >= 40


def test_search_matches_either_language_and_the_explanations():
    assert next(t.english for t in search("过拟合")) == "overfitting"
    assert {t.english for t in search("EPOCH")} >= {"epoch"}
    assert "gradient check" in {t.english for t in search("finite difference")}
    assert search("") == list(TERMS)
    assert search("no such word") == []
