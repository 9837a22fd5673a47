"""Generate large report pairs for benchmarks: sections, points, figures, and a year's edits."""
from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CN = "一二三四五六七八九十"
VERBS = "推进 加强 深化 落实 完善 强化 提升 健全 狠抓 抓好 优化 巩固 拓展 规范 创新 统筹 夯实 加快 扎实推进 持续推进".split()
OBJECTS = ("基层党建 理论学习 干部培训 作风建设 廉政教育 项目建设 招商引资 营商环境 乡村振兴 城市管理 环境整治 "
           "污染防治 社会保障 就业服务 教育事业 医疗卫生 养老服务 住房保障 安全生产 信访维稳 矛盾调处 平安建设 "
           "法治建设 网格治理 文明创建 文化惠民 体育健身 农村改厕 道路建设 水利设施 电商发展 旅游开发 产业园区 "
           "科技创新 人才引进 金融服务 财政管理 审计监督 统计工作 档案管理").split()


def _sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    parts = re.split(r"(?<=。)", text)
    out = []
    for s in parts:
        s = re.sub(r"^\s*(?:[一二三四五六七八九十]+[、是])", "", s.strip())
        if 12 <= len(s) <= 160 and "\n" not in s:
            out.append(s)
    return sorted(set(out))


def _cn(n: int) -> str:
    return CN[n] if n < 10 else "十" + (CN[n - 10] if n > 10 else "")


def _figures(sentence: str, rnd: random.Random) -> str:
    return re.sub(r"\*\*|\d+", lambda _: str(rnd.randint(2, 999)), sentence)


def make_pair(chars: int, seed: int = 1) -> tuple[str, str]:
    """(old, new): about `chars` characters each; the new year edits, drops, inserts and moves."""
    rnd = random.Random(seed)
    pool = _sentences()
    # Each point is a run of sentences with its own figures and a numbered topic, so points
    # are distinct yet written in the same official style.
    titles = [v + o for v in VERBS for o in OBJECTS]
    rnd.shuffle(titles)
    sections = []
    total, topic = 0, 0
    while total < chars:
        points = []
        for _ in range(rnd.randint(6, 12)):
            topic += 1
            body = "".join(_figures(rnd.choice(pool), rnd) for _ in range(rnd.randint(3, 6)))
            point = f"{titles[topic % len(titles)]}。{body}"
            points.append(point)
            total += len(point)
        sections.append((f"抓好第{len(sections) + 1}方面工作，推动全面发展。", points))

    def render(secs) -> str:
        lines = ["年度工作总结", "", "一年来，在上级的坚强领导下，现将工作总结如下："]
        for n, (heading, points) in enumerate(secs):
            lines.append(f"{_cn(n % 10)}、{heading}" + "".join(f"{_cn(k % 10)}是{p}" for k, p in enumerate(points)))
        lines.append("一年来，我们取得了一定成绩，但仍存在不足。新的一年，我们将继续努力。")
        return "\n".join(lines) + "\n"

    old = render(sections)
    new_sections = []
    for heading, points in sections:
        new_points = []
        for p in points:
            r = rnd.random()
            if r < 0.05:
                continue  # dropped
            if r < 0.25:
                p = _figures(p, rnd)  # figures updated
            elif r < 0.35:
                sents = p.split("。")
                sents[rnd.randrange(len(sents))] = _figures(rnd.choice(pool), rnd).rstrip("。")
                p = "。".join(sents)  # a sentence rewritten
            new_points.append(p)
            if rnd.random() < 0.05:
                topic += 1
                new_points.append(f"{titles[topic % len(titles)]}。" + "".join(_figures(rnd.choice(pool), rnd) for _ in range(3)))
        new_sections.append((heading, new_points))
    if len(new_sections) > 3:
        new_sections[1], new_sections[2] = new_sections[2], new_sections[1]
    return old, render(new_sections)
