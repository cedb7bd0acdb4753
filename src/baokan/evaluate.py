"""Score a parse against a gold parse, with the metrics of the spec.

Gold files are JSON: ``{"articles": [{"headline", "kicker", "subtitle", "bylines":
[{"role", "names"}], "paragraphs", "captions": [{"text", "credit"}]}], "noise":
[{"text"}], "issue": {...}}`` — the format of the project's gold parses, so that users
can annotate their own pages and measure baokan on them.  Texts are compared after
folding (NFKC, no white space, one kind of quote and dash), so width and spacing
choices do not count.  Body similarity is ``rapidfuzz``'s normalised Levenshtein
similarity, as the project's referee computes it; scoring needs the ``eval`` extra
(``pip install 'baokan[eval]'``) and says so when it is missing, so that a score never
depends on what else happens to be installed.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from baokan.errors import InputError, MissingExtraError, read_bytes

_quotes = regex.compile(r"[\"'“”‘’「」『』〝〞＂＇]")
_dashes = regex.compile(r"[-‐‑‒–—―─－~～]+")
_junk = regex.compile(r"[\s\ufffd○□■●◆◇▲△★☆]+")
_han_gap = regex.compile(r"\p{Han}[ \t\u3000]+\p{Han}")
_ellipsis = regex.compile(r"(?:\.\.\.|…|⋯)+")  # ⋯: a font mapping of … in some PDFs

ROLES = {"本报记者": "记者", "记者": "记者", "通讯员": "通讯员", "本报通讯员": "通讯员",
         "摄": "摄影", "摄影": "摄影", "图": "摄影", "作者": "作者", "特约记者": "记者",
         "见习记者": "记者", "实习生": "实习生", "评论员": "作者"}

#: The metrics, in the order reports print them.
METRICS = ("article_f1", "headline_acc", "title_block_acc", "kicker_subtitle_acc", "byline_f1",
           "byline_role_acc", "body_similarity", "paragraph_f1", "body_lost", "dup_8grams",
           "leaks", "garbage_fffd", "han_gaps", "issue_meta_acc")
#: Metrics where lower is better.
LOWER_IS_BETTER = frozenset({"body_lost", "dup_8grams", "leaks", "garbage_fffd", "han_gaps"})


def _similarity_function() -> Callable[[str, str], float]:
    """1 - Levenshtein distance / the longer length: exact, from rapidfuzz, never a stand-in."""
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        raise MissingExtraError("scoring needs rapidfuzz (the exact edit distance the scores "
                                "are defined with), in the eval extra: "
                                "pip install 'baokan[eval]'") from None

    def exact(a: str, b: str) -> float:
        return float(Levenshtein.normalized_similarity(a, b))

    return exact


def fold(text: str | None) -> str:
    """Fold a text for comparison: NFKC, no white space or garbage, one quote, one dash."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _junk.sub("", text)
    text = _quotes.sub('"', text)
    text = _dashes.sub("-", text)
    return _ellipsis.sub("…", text)


def _role(value: str | None) -> str | None:
    """The role class of a printed role word: 首席记者, 融媒体记者, 特派记者… are 记者."""
    if not value:
        return None
    value = value.strip()
    if value in ROLES:
        return ROLES[value]
    if value.endswith(("摄影", "摄影记者")):
        return "摄影"
    for role in ("记者", "通讯员"):
        if value.endswith(role):
            return role
    return value


def _shingles(text: str, k: int = 4) -> Counter[str]:
    if len(text) >= k:
        return Counter(text[i:i + k] for i in range(len(text) - k + 1))
    return Counter([text] if text else [])


class _Art:
    def __init__(self, d: Mapping[str, Any]) -> None:
        self.headline = fold(d.get("headline"))
        self.kicker = fold(d.get("kicker"))
        self.subtitle = fold(d.get("subtitle"))
        self.titles = self.kicker + self.headline + self.subtitle
        self.paras = [fold(p) for p in d.get("paragraphs") or [] if fold(p)]
        self.body = "".join(self.paras)
        caps = d.get("captions") or []
        self.captions = "".join(fold(c.get("text") if isinstance(c, Mapping) else c) for c in caps)
        self.names: list[tuple[str, str | None]] = [
            (fold(n), _role(b.get("role"))) for b in d.get("bylines") or []
            for n in b.get("names") or []]
        self.credits = {fold(c.get("credit")) for c in caps
                        if isinstance(c, Mapping) and c.get("credit")}
        self.all = self.titles + self.body + self.captions
        self.sh = _shingles(self.all)
        self.size = max(1, sum(self.sh.values()))


def _match(gold: Sequence[_Art], pred: Sequence[_Art]) -> list[tuple[int, int]]:
    candidates: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            shared = sum((g.sh & p.sh).values())
            if shared >= 0.5 * g.size and shared >= 0.5 * p.size:
                candidates.append((shared / max(g.size, p.size), i, j))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _boundaries(paras: Sequence[str], k: int = 6) -> set[str]:
    return {a[-k:] + "|" + b[:k] for a, b in itertools.pairwise(paras)}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: Mapping[str, Any], parsed: Mapping[str, Any]) -> dict[str, Any]:
    """Score the parse ``parsed`` (an Issue's ``to_dict()``) against ``gold``.

    Returns every metric of :data:`METRICS` (and a few counts and a ``leak_list``).
    :class:`~baokan.errors.InputError` if ``gold`` is not an object with an ``articles``
    list or ``parsed`` not an object; :class:`~baokan.errors.MissingExtraError` without
    the ``eval`` extra.
    """
    _check_gold(gold)
    _check_parsed(parsed)
    similarity = _similarity_function()
    golds = [_Art(a) for a in gold["articles"]]
    preds = [_Art(a) for a in parsed.get("articles") or []]
    pairs = _match(golds, preds)
    m: dict[str, Any] = {"articles_gold": len(golds), "articles_parsed": len(preds),
                         "articles_matched": len(pairs)}
    m["article_p"], m["article_r"], m["article_f1"] = _prf(
        len(pairs), len(preds) - len(pairs), len(golds) - len(pairs))
    n = max(1, len(golds))
    m["headline_acc"] = sum(golds[i].headline == preds[j].headline for i, j in pairs) / n
    m["title_block_acc"] = sum(golds[i].titles == preds[j].titles for i, j in pairs) / n
    m["kicker_subtitle_acc"] = sum(golds[i].kicker == preds[j].kicker
                                   and golds[i].subtitle == preds[j].subtitle
                                   for i, j in pairs) / n
    if not golds:  # a page with no articles (notices, font garbage): right only if none invented
        m["headline_acc"] = m["title_block_acc"] = m["kicker_subtitle_acc"] = 0.0 if preds else 1.0
    tp = fp = fn = role_ok = 0
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        optional = golds[i].credits
        gn = Counter(name for name, _ in golds[i].names if name not in optional)
        pn = Counter(name for name, _ in preds[j].names if name not in optional)
        found = sum((gn & pn).values())
        tp += found
        fp += sum((pn - gn).values())
        fn += sum((gn - pn).values())
        roles = dict(golds[i].names)
        # photo credits are optional names: not counted for roles either; never above found
        role_ok += min(found, sum(1 for name, r in preds[j].names
                                  if name not in optional and name in roles and roles[name] == r))
    fn += sum(len([x for x, _ in g.names if x not in g.credits])
              for i, g in enumerate(golds) if i not in matched_g)
    fp += sum(len(p.names) for j, p in enumerate(preds) if j not in matched_p)
    m["byline_p"], m["byline_r"], m["byline_f1"] = _prf(tp, fp, fn)
    m["byline_role_acc"] = role_ok / tp if tp else (
        1.0 if not any(g.names for g in golds) else 0.0)
    sims: list[float] = []
    btp = bfp = bfn = 0
    for i, j in pairs:
        g_body, p_body = golds[i].body, preds[j].body
        if not g_body and golds[i].captions:
            g_body, p_body = golds[i].captions, preds[j].body + preds[j].captions
        if g_body or p_body:
            sims.append(similarity(g_body, p_body))
        gb, pb = _boundaries(golds[i].paras), _boundaries(preds[j].paras)
        btp += len(gb & pb)
        bfp += len(pb - gb)
        bfn += len(gb - pb)
    for i, g in enumerate(golds):
        if i not in matched_g and g.body:
            sims.append(0.0)
            bfn += len(_boundaries(g.paras))
    m["body_similarity"] = sum(sims) / len(sims) if sims else 1.0
    m["paragraph_p"], m["paragraph_r"], m["paragraph_f1"] = _prf(btp, bfp, bfn)
    every = "\n".join(p.all for p in preds)
    gold8: set[str] = set()
    for g in golds:
        gold8 |= set(_shingles(g.body, 8))
    pred8 = set(_shingles(every, 8)) if every else set()
    m["body_lost"] = len(gold8 - pred8) / len(gold8) if gold8 else 0.0
    gold_count: Counter[str] = Counter()
    for g in golds:
        gold_count.update(_shingles(g.body, 8))
    pred_count: Counter[str] = Counter()
    for p in preds:
        pred_count.update(_shingles(p.body, 8))
    m["dup_8grams"] = sum(1 for s, c in pred_count.items() if c > 1 and gold_count.get(s, 0) == 1)
    leaks: list[tuple[str, str]] = []
    for i, j in pairs:
        g, p = golds[i], preds[j]
        for t in (g.headline, g.kicker, g.subtitle):
            if len(t) >= 4 and t in p.body and t not in g.body:
                leaks.append(("title", t))
        for name, _ in g.names:
            if len(name) >= 2 and name in p.body and name not in g.body:
                leaks.append(("byline", name))
    for noise in gold.get("noise") or []:
        t = fold(noise["text"])
        if len(t) >= 2 and any(t in p.body for p in preds) and not any(t in g.body for g in golds):
            leaks.append(("noise", t))
    m["leaks"] = len(leaks)
    m["leak_list"] = leaks[:20]
    meta = gold.get("issue") or {}
    if meta:
        hits = sum(fold(str(parsed.get(k) or "")) == fold(str(v or "")) for k, v in meta.items())
        m["issue_meta_acc"] = hits / len(meta)
    else:
        m["issue_meta_acc"] = 1.0
    raw = json.dumps(parsed, ensure_ascii=False)
    m["garbage_fffd"] = raw.count("\ufffd")
    m["han_gaps"] = sum(len(_han_gap.findall(p)) for a in parsed.get("articles") or []
                        for p in a.get("paragraphs") or [])
    return m


def _check_gold(gold: Any, path: str | Path | None = None) -> None:
    if not isinstance(gold, Mapping) or not isinstance(gold.get("articles"), list):
        where = f"{path}: " if path is not None else ""
        raise InputError(f'{where}a gold parse is a JSON object with an "articles" list, not '
                         + _describe(gold))


def _check_parsed(parsed: Any, path: str | Path | None = None) -> None:
    if not isinstance(parsed, Mapping) or not isinstance(parsed.get("articles") or [], list):
        where = f"{path}: " if path is not None else ""
        raise InputError(f"{where}a parse is a JSON object (an Issue's to_dict()), not "
                         + _describe(parsed))


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object without an \"articles\" list"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return f"a JSON {type(value).__name__}" if value is not None else "null"


def load_json(path: str | Path) -> Any:
    """The JSON data of the file ``path``; :class:`~baokan.errors.InputError` naming the
    file if it cannot be read or is not JSON."""
    data = read_bytes(path, InputError, missing="no such file", directory="is a folder, not a file")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, so not JSON") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno})") from None


def evaluate_files(pairs: Sequence[tuple[str | Path, str | Path]]) -> dict[str, Any]:
    """Score (gold file, parsed JSON file) pairs; return ``{"files": {...}, "mean": {...}}``.

    A file that cannot be read, is not JSON or not of its kind raises
    :class:`~baokan.errors.InputError` with one line that starts with its path."""
    rows: dict[str, dict[str, Any]] = {}
    for gold_path, parsed_path in pairs:
        gold, parsed = load_json(gold_path), load_json(parsed_path)
        _check_gold(gold, gold_path)
        _check_parsed(parsed, parsed_path)
        rows[Path(gold_path).name.split(".")[0]] = evaluate(gold, parsed)
    return {"files": rows, "mean": _mean(list(rows.values()))}


def format_table(result: Mapping[str, Any], *, files: bool = True) -> str:
    """The scores as the fixed-width table the referee script prints: a row per file
    (unless ``files`` is false), a row per tool where the result has them, the mean."""
    rows: dict[str, Mapping[str, Any]] = dict(result["files"]) if files else {}
    rows.update({f"[{tool}]": mean for tool, mean in (result.get("tools") or {}).items()})
    width = max([len(k) for k in rows] + [4]) + 2
    sizes = [max(9, len(k)) for k in METRICS]  # every header whole
    lines = ["file".ljust(width) + " ".join(f"{k:>{n}}" for k, n in zip(METRICS, sizes))]
    for name, row in [*rows.items(), ("MEAN", result["mean"])]:
        lines.append(name.ljust(width) + " ".join(
            f"{row[k]:{n}.3f}" if isinstance(row[k], float) else f"{row[k]:{n}d}"
            for k, n in zip(METRICS, sizes)))
    return "\n".join(lines)


#: Dumps that :func:`evaluate_corpus` never scores: notes kept beside the dumps.
NOT_DUMPS = ("README", "PROVENANCE", "REALISM")
#: The file endings of dumps.
DUMP_SUFFIXES = frozenset({".txt", ".md"})


def corpus_pairs(gold: str | Path, dumps: str | Path | None = None, *,
                 exclude: Sequence[str] = ()) -> list[tuple[Path, Path]]:
    """The (gold file, dump) pairs of a corpus: one gold parse scores every dump of its page.

    Every ``NAME.gold.json`` under ``gold`` (searched recursively) is paired with the dumps
    of page ``NAME``: without ``dumps``, the files beside the gold named ``NAME.*``; with
    ``dumps``, the files in the folder ``dumps/NAME/`` and those named ``dumps/NAME.*``.
    Only ``.txt`` and ``.md`` files count, never notes (README, PROVENANCE…), nor a file
    whose name holds one of ``exclude`` (``("tesseract",)`` leaves OCR dumps out).
    """
    gold_root = Path(gold)
    if not gold_root.is_dir():
        raise FileNotFoundError(f"{gold_root}: no such folder of gold parses")
    skip = (*NOT_DUMPS, *exclude)
    pairs: list[tuple[Path, Path]] = []
    for gold_file in sorted(gold_root.rglob("*.gold.json")):
        name = gold_file.name[: -len(".gold.json")]
        if dumps is None:
            candidates = list(gold_file.parent.glob(f"{name}.*"))
        else:
            root = Path(dumps)
            candidates = [*(root / name).glob("*"), *root.glob(f"{name}.*")]
        pairs += [(gold_file, d) for d in sorted(set(candidates))
                  if d.is_file() and d.suffix in DUMP_SUFFIXES and not any(s in d.name for s in skip)]
    return pairs


def _mean(rows: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    return {k: sum(float(r[k]) for r in rows) / len(rows) for k in METRICS} if rows else {}


def tool_of(dump: Path, page: str) -> str:
    """The tool that made a dump, read off its name: ``P.pdftotext-layout.txt`` of page
    ``P`` gives ``pdftotext-layout``; a dump not named after its page gives its stem."""
    name = dump.name[: -len(dump.suffix)] if dump.suffix else dump.name
    return name[len(page) + 1:] if name.startswith(page + ".") else name


def evaluate_corpus(gold: str | Path, dumps: str | Path | None = None, *,
                    exclude: Sequence[str] = (),
                    progress: Callable[[int, int], None] | None = None,
                    **parse_options: Any) -> dict[str, Any]:
    """Parse every dump of a corpus and score it against its page's gold parse.

    The pairs are those of :func:`corpus_pairs`; ``parse_options`` go to
    :func:`baokan.parse_file`; ``progress(done, total)`` is called after each dump.
    Returns ``{"files": {"page/dump": scores}, "mean": {...}, "tools": {tool: mean},
    "errors": {"page/dump": message}}``: the mean over every dump and over each tool's
    dumps (:func:`tool_of`).  A dump that fails to parse scores as an empty parse, and
    its error is kept.
    """
    from baokan.api import parse_file  # the API sits above this module

    rows: dict[str, dict[str, Any]] = {}
    tools: dict[str, list[dict[str, Any]]] = {}
    errors: dict[str, str] = {}
    golds: dict[Path, Mapping[str, Any]] = {}
    pairs = corpus_pairs(gold, dumps, exclude=exclude)
    for done, (gold_file, dump) in enumerate(pairs, 1):
        if gold_file not in golds:
            golds[gold_file] = load_json(gold_file)
            _check_gold(golds[gold_file], gold_file)
        page = gold_file.name[: -len(".gold.json")]
        key = f"{page}/{dump.name}"
        try:
            parsed: Mapping[str, Any] = parse_file(dump, **parse_options).to_dict()
        except Exception as exc:
            errors[key] = f"{type(exc).__name__}: {exc}"
            parsed = {"articles": []}
        rows[key] = evaluate(golds[gold_file], parsed)
        tools.setdefault(tool_of(dump, page), []).append(rows[key])
        if progress is not None:
            progress(done, len(pairs))
    return {"files": rows, "mean": _mean(list(rows.values())),
            "tools": {t: _mean(r) for t, r in sorted(tools.items())}, "errors": errors}
