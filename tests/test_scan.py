"""Scan: planted copies across a set of reports are found and ranked; formulae and unrelated text are not."""
from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from conftest import SAMPLES
from reportdiff.formulae import load_formulae
from reportdiff.scan import scan

WORDS = ("改革 发展 稳定 民生 就业 教育 医疗 养老 住房 交通 水利 农业 工业 服务 科技 人才 文化 体育 旅游 生态 环境 安全 "
         "法治 治理 社区 乡村 城市 企业 项目 资金 政策 制度 机制 平台 体系 能力 水平 质量 效益 基础 设施 建设 管理 监督 "
         "考核 落实 推进 加强 完善 提升 优化 强化 深化 拓展 巩固 保障 促进 推动 实施 开展 组织 培训 宣传 排查").split()
FORMULA = "树牢“四个意识”，坚定“四个自信”，做到“两个维护”，"


def make_reports(folder, n=12, seed=3):
    rnd = random.Random(seed)

    def sentence():
        return "".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 14))) + rnd.choice("，。")

    texts = [FORMULA + "".join(sentence() for _ in range(60)) for _ in range(n)]
    verbatim = texts[0][300:500]
    texts[1] = texts[1][:400] + "。" + verbatim + "。" + texts[1][400:]
    swapped_src = "全年组织集体学习12次，培训党员干部1000余人次，新建便民服务中心8个，投入资金3.8亿元，群众满意度达到96%。"
    texts[2] = texts[2][:200] + swapped_src + texts[2][200:]
    texts[3] = texts[3][:900] + swapped_src.replace("12次", "15次").replace("8个", "11个").replace("3.8亿元", "4.1亿元") + texts[3][900:]
    edited = list(texts[4][100:320])
    for k in range(30, len(edited), 50):
        edited[k] = "新"
    texts[5] = texts[5][:50] + "".join(edited) + texts[5][50:]
    template = "坚持把基层减负作为转变作风的重要抓手，精简文件会议，规范督查检查考核，切实为基层干部松绑减负。"
    for k in (6, 7, 8, 9):
        texts[k] = texts[k][:600] + template + texts[k][600:]
    paths = []
    for k, text in enumerate(texts):
        path = folder / f"report{k:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths, template


def pair_set(result):
    return {(result.reports[p.a].path.rsplit("/", 1)[-1], result.reports[p.b].path.rsplit("/", 1)[-1]): p
            for p in result.pairs}


def test_planted_copies_are_found(tmp_path):
    _, template = make_reports(tmp_path)
    result = scan([tmp_path], load_formulae())
    pairs = pair_set(result)
    for a, b in [("report00.txt", "report01.txt"), ("report02.txt", "report03.txt"), ("report04.txt", "report05.txt")]:
        assert (a, b) in pairs, (a, b)
    # The planted pairs rank above every other; the verbatim copy's passage is the planted text.
    top = {(result.reports[p.a].path[-12:], result.reports[p.b].path[-12:]) for p in result.pairs[:3]}
    assert top == {("report00.txt", "report01.txt"), ("report02.txt", "report03.txt"), ("report04.txt", "report05.txt")}
    assert pairs[("report00.txt", "report01.txt")].passages[0].chars >= 180
    cluster = next(c for c in result.clusters if template[:20] in c.text)
    assert sorted(result.reports[k].path[-12:] for k in cluster.reports) == [f"report0{k}.txt" for k in (6, 7, 8, 9)]


def test_formulae_and_unrelated_reports_are_not_copies(tmp_path):
    make_reports(tmp_path)
    result = scan([tmp_path], load_formulae())
    pairs = pair_set(result)
    unrelated = [p for (a, b), p in pairs.items() if a in ("report10.txt", "report11.txt") or b in ("report10.txt", "report11.txt")]
    assert all(p.weight < 0.03 for p in unrelated)
    assert not any("四个意识" in x.text for p in result.pairs for x in p.passages)


def test_scan_cli_json_and_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_reports(folder)
    (folder / "broken.txt").write_bytes(b"")
    out = subprocess.run([sys.executable, "-m", "reportdiff", "scan", str(folder), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "reportdiff.scan/1"
    assert len(data["reports"]) == 12 and data["skipped"][0]["path"].endswith("broken.txt")
    assert "skipped" in out.stderr and out.stderr.count("\n") == 1
    weights = [max(p["shared_a"], p["shared_b"]) for p in data["pairs"]]
    assert weights == sorted(weights, reverse=True)
    assert any(len(c["reports"]) >= 3 for c in data["clusters"])
    html = subprocess.run([sys.executable, "-m", "reportdiff", "scan", str(folder), "-o", str(tmp_path / "scan.html"),
                           "--pairs", "2"], capture_output=True, text=True)
    assert html.returncode == 0, html.stderr
    page = (tmp_path / "scan.html").read_text(encoding="utf-8")
    assert 'href="scan-pair1.html"' in page and (tmp_path / "scan-pair2.html").is_file()


def test_scan_needs_two_reports(tmp_path):
    result = subprocess.run([sys.executable, "-m", "reportdiff", "scan", str(SAMPLES / "2022.txt")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["scan", "--help"], ["formulae", "build", "--help"], ["metrics", "--help"]])
def test_more_help(args):
    result = subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True, text=True)
    assert result.returncode == 0 and "usage:" in result.stdout
