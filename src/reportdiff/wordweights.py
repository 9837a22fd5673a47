"""How much two units say the same specific thing: cosine of their word vectors, each word
weighted by how rare it is among the units of the two reports (TF-IDF).

Character similarity says little about reworded text, and in English next to nothing: "we may"
and "our" are everywhere. Weighted words do better: 推进 / 加强 / 坚持 and "we" stand in most units
and weigh little; 中医药, 棚户区, "cybersecurity" stand in few and weigh much. The weights come from
the two reports themselves (each unit a document), so no table has to be shipped and any
language that jieba or plain word splitting cuts works: Chinese, English, mixed.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from .lexicon import FIGURE_WORD_RE
from .model import Unit
from .worddiff import tokenize

SHARED_TERMS = 6
"""Key words shown for a pair: enough to see what it is about, few enough to read at a glance."""
_WORD = re.compile(r"[^\W\d_]")
"""A token counts as a word when it holds a letter or a CJK character (not punctuation, a figure
placeholder or a number)."""


def unit_words(unit: Unit) -> list[str]:
    """The words of a unit, cut by jieba, lower-cased, figures (12次, **个) left out. Cut from the
    unit's own text, as the word diff cuts it, so the diff of a pair finds its words cut already.
    (Pairs of neighbouring characters instead of words were tried: cheaper, but on the labelled
    pairs they found fewer counterparts at the same precision.)"""
    return words_of(unit.text)


def words_of(text: str) -> list[str]:
    """The words of any text as unit_words cuts them."""
    return [t.lower() for t in tokenize(text) if _WORD.search(t) and not FIGURE_WORD_RE.fullmatch(t)]


_NOT_IN_PAIR = re.compile(r"[\W\d_#]")
"""What breaks a run of characters for character pairs: punctuation, figures, placeholders."""


def char_pair_vectors(old: Sequence[Unit], new: Sequence[Unit]) -> tuple[csr_matrix, csr_matrix]:
    """L2-normalised TF-IDF rows of each unit's pairs of neighbouring characters (masked text, no
    pair across punctuation or a figure), IDF over the units given (those still unpaired: cheaper
    than all, and as good on the labelled pairs): the measure for
    short reworded lines, whose two or three shared words jieba may cut differently
    (廉洁政府建设 / 廉洁政府 + 建设) and whose pair weights still say what is specific."""
    def pairs(text: str) -> Counter[str]:
        text = _NOT_IN_PAIR.sub("|", text)
        return Counter(text[k:k + 2] for k in range(len(text) - 1) if "|" not in text[k:k + 2])

    old_bags, new_bags = [pairs(u.masked) for u in old], [pairs(u.masked) for u in new]
    return _tfidf_rows(old_bags, new_bags, _idf([*old_bags, *new_bags]))


def _idf(bags: list[Counter[str]]) -> dict[str, float]:
    """How rare each term is among the bags (each unit a document)."""
    df: Counter[str] = Counter(w for bag in bags for w in bag)
    return {w: math.log((len(bags) + 1) / (c + 0.5)) for w, c in df.items()}


def _tfidf_rows(old_bags: list[Counter[str]], new_bags: list[Counter[str]],
                idf: dict[str, float]) -> tuple[csr_matrix, csr_matrix]:
    """L2-normalised TF-IDF rows of bags of terms over one vocabulary."""
    bags = [*old_bags, *new_bags]
    vocab = {w: k for k, w in enumerate(idf)}
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for w, x in _unit_vector(bag, idf, 0.0).items():
            rows.append(r)
            cols.append(vocab[w])
            vals.append(x)
    matrix = csr_matrix((np.array(vals, np.float32), (rows, cols)), shape=(len(bags), max(len(vocab), 1)))
    return matrix[:len(old_bags)], matrix[len(old_bags):]


def _unit_vector(bag: Counter[str], idf: dict[str, float], unseen: float) -> dict[str, float]:
    """A bag's TF-IDF weights (1 + log count, times idf; `unseen` for a term idf lacks), L2-normalised."""
    weights = {w: (1 + math.log(c)) * idf.get(w, unseen) for w, c in bag.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items()}


class WordWeights:
    """The words of every unit of two reports and how rare each is among them (IDF, the units of
    both reports as documents): the pair's own weights."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]):
        self._old = [Counter(unit_words(u)) for u in old]
        self._new = [Counter(unit_words(u)) for u in new]
        self.idf = _idf([*self._old, *self._new])

    def vectors(self) -> tuple[csr_matrix, csr_matrix]:
        """L2-normalised TF-IDF rows for the units of both reports, over one vocabulary, so that
        `old_rows @ new_rows.T` is the cosine of every pair."""
        return _tfidf_rows(self._old, self._new, self.idf)

    def cosine(self, a: Counter[str], b: Counter[str]) -> float:
        """The cosine of two bags of words by these weights; a word of neither report's units weighs
        as the rarest do."""
        top = max(self.idf.values(), default=1.0)
        va, vb = _unit_vector(a, self.idf, top), _unit_vector(b, self.idf, top)
        return sum(x * vb[w] for w, x in va.items() if w in vb)

    def shared(self, old_ids: Sequence[int], new_ids: Sequence[int], limit: int = SHARED_TERMS) -> list[str]:
        """The rarest words both sides use, rarest first: why two units were paired."""
        old_words = set().union(*(self._old[i] for i in old_ids))
        new_words = set().union(*(self._new[j] for j in new_ids))
        common = sorted(old_words & new_words, key=lambda w: (-self.idf[w], w))
        return [w for w in common if len(w) > 1][:limit]
