"""baokan.integrations.dask on a local distributed cluster of worker processes (the dask extra)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import baokan

from .conftest import SEEDS

_MISSING = "the dask extra ({}) is not installed: pip install 'baokan[dask]'"
pytest.importorskip("dask.bag", reason=_MISSING.format("dask[bag]"))
distributed = pytest.importorskip("distributed", reason=_MISSING.format("distributed"))

import baokan.integrations.dask  # noqa: E402  (it needs dask: imported after the skip)


def test_articles_bag_on_a_process_cluster(tmp_path: Path) -> None:
    for i, seed in enumerate(SEEDS):
        shutil.copy(seed, tmp_path / f"p{i:02d}.txt")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        bag = baokan.integrations.dask.articles(str(tmp_path / "*.txt"), files_per_partition=2)
        assert bag.npartitions == 3
        rows = bag.compute()
        issues = baokan.integrations.dask.issues(str(tmp_path / "*.txt")).compute()
    expected = [a.to_dict() for s in SEEDS for a in baokan.parse_file(s).articles]
    got = sorted((r["path"], r["index"]) for r in rows)
    assert len(got) == len(expected) == len(set(got))
    headlines = sorted(json.dumps(r["headline"], ensure_ascii=False) for r in rows)
    assert headlines == sorted(json.dumps(a["headline"], ensure_ascii=False) for a in expected)
    failed = [r for r in issues if "error" in r]
    assert [Path(r["path"]).name for r in failed] == ["broken.txt"]


def test_a_glob_that_matches_nothing_raises(tmp_path: Path) -> None:
    with pytest.raises(baokan.InputError, match=r"nothing/\*\.txt: no files match"):
        baokan.integrations.dask.articles("nothing/*.txt")
    with pytest.raises(baokan.InputError, match="no files match"):
        baokan.integrations.dask.issues(tmp_path.as_uri() + "/*.txt")
    with pytest.raises(baokan.InputError, match="no paths"):
        baokan.integrations.dask.issues([])


def test_fsspec_urls_are_expanded_and_read(tmp_path: Path) -> None:
    import dask

    (tmp_path / "咸宁日报" / "20240809").mkdir(parents=True)
    shutil.copy(SEEDS[1], tmp_path / "咸宁日报" / "20240809" / "A3.txt")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    url = tmp_path.as_uri() + "/**/*.txt"
    assert baokan.integrations.dask.expand(url) == [
        tmp_path.as_uri() + "/empty.txt", tmp_path.as_uri() + "/咸宁日报/20240809/A3.txt"]
    with dask.config.set(scheduler="sync"):
        records = baokan.integrations.dask.issues(
            url, path_pattern="{publication}/{date:%Y%m%d}/{page}.txt").compute()
        rows = baokan.integrations.dask.articles([tmp_path.as_uri() + "/咸宁日报/20240809/A3.txt"]).compute()
    failed, parsed = records
    assert failed["kind"] == "InputError" and "empty" in failed["error"]
    assert parsed["publication"] == "咸宁日报" and parsed["page"] == "A3"
    assert len(parsed["articles"]) == len(baokan.parse_file(SEEDS[1]).articles) == len(rows)
