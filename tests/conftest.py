from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT.parent / "shared" / "seeds" / "000_1d71f014dfc283a3.txt"


def corpus_files(collection: str = "*") -> list[Path]:
    return sorted(p for p in CORPUS.glob(f"{collection}/*.txt") if "-en" not in p.parent.name)


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
