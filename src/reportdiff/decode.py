"""Decode a text report's bytes: byte-order marks, then UTF-8, then GB18030 (what Chinese reports
come in), then charset-normalizer only when its guess is clear; a file that is mostly UTF-8 with
a stray byte is refused with the place of that byte, or read through with --errors replace."""
from __future__ import annotations

import codecs
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

from .errors import InputError, printable

MOSTLY_UTF8 = 4
"""A file that is not valid UTF-8 is still "mostly UTF-8" (refused with the place of its first bad
byte, never handed to GB18030 or a guesser) when it has this many well-formed multi-byte characters
per bad run of bytes, and MOSTLY_UTF8_MIN at least. A stray byte inside a character makes up to 4
bad runs; GBK text read as UTF-8 has about 0.3 characters per bad run (2 at most in a short line)."""
MOSTLY_UTF8_MIN = 8
UTF16_MIN_COMMON = 0.9
"""UTF-16 without a byte-order mark is accepted when this share of its characters is ASCII, Latin-1,
CJK or CJK punctuation: binary data, or UTF-16 read in the wrong byte order, is far below it."""
MAX_GUESS_CHAOS = 0.1
"""charset-normalizer's guess is taken only below this "chaos" (share of odd characters)."""
GUESS_TIE = 0.01
"""Two charset-normalizer candidates this close in chaos and coherence that decode differently
(cp1250 and cp1252 on French) make the guess a coin toss: not taken."""

Errors = Literal["strict", "replace"]

_BOMS = (  # (mark, codec for what follows it, the name reported: a codec that decodes the whole file)
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16 LE: its mark starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters (bar the layout ones), surrogates and private-use characters: what prose lacks.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")
_COMMON = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_ADVICE = "use --encoding to choose one, or --errors replace to read through"

_COUNT_REPLACE = "reportdiff.replace-counting"
_replaced: ContextVar[list[int] | None] = ContextVar("_replaced", default=None)


def _replace_counting(exc: UnicodeError) -> tuple[str, int]:
    """Python's "replace" for decoding, also noting how many bytes each U+FFFD stands for."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    spans = _replaced.get()
    if spans is not None:
        spans.append(exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error(_COUNT_REPLACE, _replace_counting)


def decode_text(data: bytes, p: Path | str = "<bytes>", *, encoding: str | None = None,
                errors: Errors = "strict") -> tuple[str, str]:
    """Decode report bytes; return the text and the encoding used (a Python codec name, then
    " (N bytes replaced)" when `errors="replace"` had to replace any).

    Without `encoding`: byte-order marks first, then UTF-16 without one (NULs, cleanly decoded,
    mostly CJK and ASCII), strict UTF-8, then a file that is mostly UTF-8 is refused with the place
    of its first bad byte, then strict GB18030 (what Chinese reports come in), then an unambiguous
    charset-normalizer guess. A file none of these fit is refused with the place of its first bad
    byte in UTF-8 or GB18030, whichever has fewer. Places are a 1-based line and a 0-based byte
    offset from the start of the file (as `xxd` and `hexdump` count).
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    shown = printable(str(p))
    if encoding is not None:
        return _decode_as(data, shown, encoding, errors)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if len(data) == len(bom):
                raise InputError(f"{shown}: the file is empty (it contains only a byte-order mark)")
            try:
                text, replaced = _decode(data, codec, errors, len(bom))
            except UnicodeDecodeError as exc:
                raise InputError(f"{shown}: starts with a {_display(name)} byte-order mark but is not valid {_display(name)} "
                                 f"at {_where(data, len(bom) + exc.start, codec)}; {_ADVICE}") from None
            return _checked(text, shown), _label(name, replaced)
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is None:
            raise InputError(f"{shown}: looks like a binary file, not text")
        return data.decode(utf16), utf16
    clean, utf8_start = _strict(data, "utf-8")
    if clean is not None and _plausible(clean):
        return clean, "utf-8"
    utf8_bad = well_formed = 0
    if utf8_start >= 0:
        replaced_text = data.decode("utf-8", "replace")
        utf8_bad = replaced_text.count("\ufffd") - data.count("\ufffd".encode())
        well_formed = len(replaced_text) - len(replaced_text.encode("ascii", "ignore")) - utf8_bad  # multi-byte characters
    if utf8_start >= 0 and well_formed >= max(MOSTLY_UTF8_MIN, MOSTLY_UTF8 * utf8_bad):
        if errors == "replace":
            text, replaced = _decode(data, "utf-8", errors)
            return _checked(text, shown), _label("utf-8", replaced)
        raise InputError(f"{shown}: not valid UTF-8 at {_where(data, utf8_start, 'utf-8')}; {_ADVICE}")
    clean, gb_start = _strict(data, "gb18030")
    if clean is not None and _plausible(clean):
        return clean, "gb18030"
    guess = _guess(data)
    if guess is not None:
        return guess
    if utf8_start < 0 or gb_start < 0:  # decodes cleanly, but to control characters
        raise InputError(f"{shown}: looks like a binary file, not text")
    codec, start = "utf-8", utf8_start
    if _bad_sequences(data, "gb18030") < utf8_bad:
        codec, start = "gb18030", gb_start
    if errors == "replace":
        text, replaced = _decode(data, codec, errors)
        return _checked(text, shown), _label(codec, replaced)
    _checked(data.decode(codec, "replace"), shown)  # random bytes: say binary, not where they stop being text
    other = "GB18030" if codec == "utf-8" else "UTF-8"
    raise InputError(f"{shown}: cannot decode the text: not valid {_display(codec)} at {_where(data, start, codec)}, "
                     f"nor valid {other}, and no other encoding fits; {_ADVICE}")


def _decode_as(data: bytes, shown: str, encoding: str, errors: str) -> tuple[str, str]:
    """Decode with the codec the caller chose; a byte-order mark of that codec is not text."""
    asked = printable(encoding[:60])
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError, TypeError):
        raise InputError(f"{shown}: unknown text encoding {asked!r}; use a name such as utf-8, gbk, gb18030 or utf-16") from None
    try:
        b"a".decode(name)
    except LookupError:  # a bytes-to-bytes or text-to-text codec (base64, rot13)
        raise InputError(f"{shown}: {asked!r} is not a text encoding; use a name such as utf-8, gbk, gb18030 or utf-16") from None
    except (UnicodeError, ValueError):
        pass
    codec, skip = name, 0
    if name in ("utf-8", "utf-8-sig"):
        codec, skip = "utf-8", len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    elif name in ("utf-16", "utf-32"):  # byte order from the mark, else little-endian
        marked = [(bom, c) for bom, c, n in _BOMS if n == name and data.startswith(bom)]
        codec, skip = (marked[0][1], len(marked[0][0])) if marked else (f"{name}-le", 0)
    try:
        text, replaced = _decode(data, codec, errors, skip)
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: not valid {_display(name)} at {_where(data, skip + exc.start, codec)}; "
                         "use --errors replace to read through, or another --encoding") from None
    except (UnicodeError, ValueError, TypeError, LookupError):
        raise InputError(f"{shown}: cannot be read as {_display(name)}; choose another --encoding") from None
    text = text.removeprefix("\ufeff")
    if not _plausible(text):
        raise InputError(f"{shown}: read as {_display(name)} it is not text (control characters); check --encoding")
    return text, _label(name, replaced)


def _decode(data: bytes, codec: str, errors: str, skip: int = 0) -> tuple[str, int]:
    """data[skip:] decoded, and how many bytes were replaced (errors="replace"). Strict decoding
    raises UnicodeDecodeError, its positions relative to data[skip:]."""
    body = data[skip:] if skip else data
    if errors == "strict":
        return body.decode(codec), 0
    spans: list[int] = []
    token = _replaced.set(spans)
    try:
        text = body.decode(codec, _COUNT_REPLACE)
    finally:
        _replaced.reset(token)
    return text, sum(spans)


def _strict(data: bytes, codec: str) -> tuple[str | None, int]:
    """(text, -1) when `data` decodes strictly, else (None, offset of the first bad byte)."""
    try:
        return data.decode(codec), -1
    except UnicodeDecodeError as exc:
        return None, exc.start


def _checked(text: str, shown: str) -> str:
    if not _plausible(text):
        raise InputError(f"{shown}: looks like a binary file, not text")
    return text


def _label(codec: str, replaced: int) -> str:
    if not replaced:
        return codec
    return f"{codec} ({replaced} byte{'s' if replaced != 1 else ''} replaced)"


def _display(codec: str) -> str:
    return codec.upper().replace("_", "-")


def _where(data: bytes, start: int, codec: str) -> str:
    """Line (1-based) and byte offset (0-based) of the byte at `start`, and its value."""
    try:
        line = len(_LINE_BREAK.findall(data[:start].decode(codec, "replace"))) + 1
    except UnicodeError:  # a codec that cannot replace (idna): count the line ends as bytes
        line = data[:start].count(b"\n") + 1
    return f"line {line}, byte offset {start} (0x{data[start]:02x})"


def _bad_sequences(data: bytes, codec: str) -> int:
    """How many runs of bytes do not decode with `codec` (each would become one U+FFFD)."""
    genuine = data.count("\ufffd".encode(codec))
    return data.decode(codec, "replace").count("\ufffd") - genuine


def _sniff_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `data` (which has NULs) is UTF-16 without a byte-order mark."""
    if len(data) % 2:
        return None
    found, best = None, UTF16_MIN_COMMON
    for codec in ("utf-16-le", "utf-16-be"):  # little-endian (Windows' "Unicode") wins a tie
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = len(_COMMON.findall(text)) / len(text)
        if (share > best or (found is None and share == best)) and _plausible(text):
            found, best = codec, share
    return found


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's guess, when it is clear: little chaos, the whole file decodes, and no
    runner-up as good that reads differently."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))
    except Exception:  # a heuristic third-party detector: whatever goes wrong in it, there is no guess
        return None
    if not matches or matches[0].chaos > MAX_GUESS_CHAOS:
        return None
    best = matches[0]
    text = _clean_decode(data, best.encoding)
    if text is None or not _plausible(text):
        return None
    for other in matches[1:]:
        tied = abs(other.chaos - best.chaos) <= GUESS_TIE and abs(other.coherence - best.coherence) <= GUESS_TIE
        if tied and _clean_decode(data, other.encoding) != text:
            return None
    return text, best.encoding


def _clean_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _plausible(text: str) -> bool:
    """True when decoded text looks like prose: few control characters, no private-use area."""
    if not text:
        return False
    return len(_UNPRINTABLE.findall(text)) <= len(text) * 0.01


# Word.
