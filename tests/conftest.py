from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_1d71f014dfc283a3.txt"
# samples/2022.txt is the seed as it is (test_outline checks the bytes when both are here), so the
# seed's tests also run in a checkout that has no ../shared beside it.
SEED = SHARED_SEED if SHARED_SEED.is_file() else SAMPLES / "2022.txt"


def corpus_files(collection: str = "*") -> list[Path]:
    return sorted(p for p in CORPUS.glob(f"{collection}/*.txt") if "-en" not in p.parent.name)


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
