"""Recycled text between two years: planted copies found, formulae apart, unrelated text near zero."""
from __future__ import annotations

from conftest import CORPUS, SAMPLES, needs_corpus
from reportdiff.formulae import Formulae, learn_formulae, load_formulae
from reportdiff.recycle import Shares, find_recycled

OLD = (SAMPLES / "2021.txt").read_text(encoding="utf-8")
NEW = (SAMPLES / "2022.txt").read_text(encoding="utf-8")
FILLER = "今年我们围绕中心服务大局，全体干部职工齐心协力，各项工作稳步向前推进，群众满意度明显提升。"


def covered(recycling, start: int, end: int, kind: str | None = None) -> float:
    hit = set()
    for s in recycling.spans:
        if kind is None or s.kind == kind:
            hit.update(range(max(s.start, start), min(s.end, end)))
    return len(hit) / (end - start)


def test_planted_verbatim_copy():
    start = OLD.index("坚持把换届工作")
    copied = OLD[start:OLD.index("。", start) + 1]
    new = FILLER + copied + FILLER.replace("今年", "明年")
    r = find_recycled(OLD, new)
    start = new.index(copied)
    assert covered(r, start, start + len(copied), "verbatim") == 1.0


def test_full_width_figures_are_figures_too():
    """Masked ＸＸ against full-width １２: the whole sentence is the same text with other figures,
    not a verbatim tail (the figure pattern runs on the folded text)."""
    old = FILLER + "全年完成ＸＸ项重点工程建设任务，群众满意度达到ＸＸ％。" + FILLER
    new = FILLER.replace("今年", "明年") + "全年完成１２项重点工程建设任务，群众满意度达到９８％。"
    r = find_recycled(old, new)
    start = new.index("全年完成")
    assert covered(r, start, len(new), "figures_swapped") == 1.0
    ascii_new = new.replace("１２", "12").replace("９８％", "98%")
    assert covered(find_recycled(old, ascii_new), start, len(ascii_new), "figures_swapped") == 1.0


def test_planted_figures_swapped_copy():
    old_sentence = "全年民生支出1.6亿元，占公共财政预算支出的**%。"
    assert old_sentence in OLD
    planted = "全年民生支出2.1亿元，占公共财政预算支出的**%。"
    new = FILLER + planted + FILLER
    r = find_recycled(OLD, new)
    start = new.index(planted)
    assert covered(r, start, start + len(planted), "figures_swapped") == 1.0
    run = next(s for s in r.runs if s.start <= start < s.end)
    assert "全年民生支出1.6亿元" in OLD[run.old_start:run.old_end]


def test_copy_with_small_edits_is_mostly_found():
    source = OLD[OLD.index("坚决落实“外防输入"):OLD.index("坚决落实“外防输入") + 120]
    edited = source.replace("坚决", "始终").replace("，", "；", 2)
    new = FILLER + edited + FILLER
    r = find_recycled(OLD, new)
    start = new.index(edited)
    assert covered(r, start, start + len(edited)) >= 0.8


def test_samples_are_mostly_recycled_and_formulae_apart():
    r = find_recycled(OLD, NEW, formulae=load_formulae())
    shares = Shares(NEW, r).of()
    assert 0.6 < shares["total"] < 0.95
    assert shares["verbatim"] > shares["figures_swapped"] > 0
    assert shares["formulae"] > 0
    spans = r.formula_spans
    formula_text = [NEW[a:b] for a, b in spans]
    assert "树牢“四个意识”" in formula_text and "坚定“四个自信”" in formula_text


def test_formula_only_overlap_is_not_self_copying():
    old = "我们始终树牢“四个意识”，坚定“四个自信”，做到“两个维护”。全年新建道路十二公里。"
    new = "全镇上下树牢“四个意识”，坚定“四个自信”，做到“两个维护”。新建学校两所，改造危房一百套。"
    r = find_recycled(old, new, formulae=Formulae(["树牢“四个意识”，坚定“四个自信”，做到“两个维护”"]))
    shares = Shares(new, r).of()
    assert shares["formulae"] > 0.3
    assert shares["total"] < 0.1


@needs_corpus
def test_unrelated_reports_share_next_to_nothing():
    other = (CORPUS / "hailar-district-gov-work-report/2019.txt").read_text(encoding="utf-8")
    r = find_recycled(other, NEW, formulae=load_formulae())
    assert Shares(NEW, r).of()["total"] < 0.05


def test_learned_formulae_need_many_reports_and_groups():
    common = "以习近平新时代中国特色社会主义思想为指导"
    own = "我镇坚持党建引领乡村治理模式"
    texts = [f"第{k}份报告。{common}，{own if k < 4 else ''}开展工作{k}次。" for k in range(8)]
    learned = dict(learn_formulae(texts, min_reports=3, min_share=0.2, groups=["a"] * 4 + ["b"] * 4, min_groups=2))
    assert any(common in p or p in common for p in learned)
    assert not any(own in p for p in learned)
