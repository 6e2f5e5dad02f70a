"""Public-corpora evaluation: locating the folder, sampling, keeping examples out of the figures, the target
checks, the table; and once, end to end, the real CLI and the pack's real score.py on a made-up corpus.

Every record and label here is made up; nothing is taken from the corpora (they hold real-looking secrets).
"""

import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the benchmarks package lives at the repository root, outside the wheel

from benchmarks.eval import public
from tests.fake_keys import github_token

REAL_SCORER = public.locate(None, os.environ, REPO)[0] / "score.py"  # the pack's own scorer, if present


def _names_figures(planted: int, leaked: int, benign_rate: float | None, genres: dict | None = None) -> dict:
    return {"records": 5, "records_quarantined": 1, "planted": planted, "leaked": leaked,
            "leak_rate": leaked / planted if planted else None, "partial_leaks": 2,
            "benign_entity_kept_rate": benign_rate, "by_genre": genres or {"g": {}}}


def _secrets_figures(recall: float, fp_rate: float) -> dict:
    return {"tp": 10, "recall": recall, "recall_text_changed": 0.9, "fp": 4, "fp_changed_rate": fp_rate,
            "fp_clean_changed_rate": 0.25, "tp_quarantined": 0, "fp_quarantined": 1,
            "by_source": {"ds": {"tp": 6, "recall": 0.5, "fp": 2, "fp_changed_rate": 0.5},
                          "np": {"tp": 4, "recall": 1.0, "fp": 2, "fp_changed_rate": 0.0}}}


def _all_passing() -> dict:
    corpora = {c.name: {"names": _names_figures(10, 1, 0.9)} for c in public.CORPORA if c.kind == "names"}
    corpora["secrets"] = {"secrets": _secrets_figures(0.8, 0.1)}
    return corpora


def test_locate_prefers_the_option_then_the_env_var_then_the_folder_next_to_the_repo(tmp_path: Path) -> None:
    env = {public.ENV_VAR: str(tmp_path / "from-env")}
    assert public.locate(tmp_path / "opt", env, tmp_path / "repo") == (tmp_path / "opt", "--public-dir")
    assert public.locate(None, env, tmp_path / "repo") == (tmp_path / "from-env", f"${public.ENV_VAR}")
    folder, origin = public.locate(None, {public.ENV_VAR: ""}, tmp_path / "repo")
    assert folder == tmp_path / "shared" / "eval-data"
    assert "default" in origin


def test_folder_problem_names_what_is_missing(tmp_path: Path) -> None:
    assert "not found" in public.folder_problem(tmp_path / "nope", tmp_path / "nope" / "score.py")
    assert "scorer" in public.folder_problem(tmp_path, tmp_path / "score.py")
    (tmp_path / "score.py").write_text("", encoding="utf-8")
    assert public.folder_problem(tmp_path, tmp_path / "score.py") is None


def test_missing_files_lists_the_chat_and_labels_files_absent(tmp_path: Path) -> None:
    corpus = public.Corpus("names_demo", "names")
    assert public.missing_files(tmp_path, corpus) == ["names_demo.chat.jsonl", "names_demo.labels.jsonl"]
    (tmp_path / "names_demo.chat.jsonl").write_text("{}\n", encoding="utf-8")
    assert public.missing_files(tmp_path, corpus) == ["names_demo.labels.jsonl"]


@pytest.mark.parametrize("total, limit", [(10, 3), (1068, 300), (7, 7), (5, 1)])
def test_sample_lines_spreads_over_the_whole_file(total: int, limit: int) -> None:
    lines = public.sample_lines(total, limit)
    assert len(lines) == limit
    assert lines == sorted(set(lines))
    assert lines[0] == 0 and lines[-1] >= total - total // limit - 1
    assert all(0 <= i < total for i in lines)


def test_sample_lines_without_a_limit_or_with_a_large_one_keeps_all() -> None:
    assert public.sample_lines(4, None) == [0, 1, 2, 3]
    assert public.sample_lines(4, 10) == [0, 1, 2, 3]
    assert public.sample_lines(4, 0) == []


def test_default_limit_applies_only_to_the_slow_baseline() -> None:
    assert public.default_limit("baseline", None) == public.BASELINE_LIMIT
    assert public.default_limit("ft-sanitizer", None) is None
    assert public.default_limit("baseline", 0) is None
    assert public.default_limit("ft-sanitizer", 25) == 25


def test_limited_inputs_writes_parallel_samples(tmp_path: Path) -> None:
    corpus = public.Corpus("names_demo", "names")
    (tmp_path / corpus.chat).write_text("".join(f'{{"n": {i}}}\n' for i in range(6)), encoding="utf-8")
    (tmp_path / corpus.labels).write_text("".join(f'{{"l": {i}}}\n' for i in range(6)), encoding="utf-8")
    assert public.limited_inputs(tmp_path, corpus, tmp_path / "in", None) == (
        tmp_path / corpus.chat, tmp_path / corpus.labels)
    chat, labels = public.limited_inputs(tmp_path, corpus, tmp_path / "in", 3)
    assert [json.loads(x)["n"] for x in chat.read_text(encoding="utf-8").splitlines()] == [0, 2, 4]
    assert [json.loads(x)["l"] for x in labels.read_text(encoding="utf-8").splitlines()] == [0, 2, 4]


def test_limited_inputs_refuses_files_that_are_not_parallel(tmp_path: Path) -> None:
    corpus = public.Corpus("names_demo", "names")
    (tmp_path / corpus.chat).write_text("{}\n{}\n", encoding="utf-8")
    (tmp_path / corpus.labels).write_text("{}\n", encoding="utf-8")
    with pytest.raises(public.PublicEvalError, match="2 chat lines but 1 label lines"):
        public.limited_inputs(tmp_path, corpus, tmp_path / "in", 1)


def test_split_examples_keeps_text_examples_out_of_the_figures() -> None:
    scored = {"labels": "/x/l.jsonl", "sanitized": "/x/s.jsonl", "records": 3,
              "names": {"leak_rate": 0.5, "leak_examples": [{"leaked": "Made Up"}],
                        "benign_lost_examples": [{"benign": "Acme Made"}]}}
    figures, examples = public.split_examples(scored)
    assert figures == {"records": 3, "names": {"leak_rate": 0.5}}
    assert examples == {"names.leak_examples": [{"leaked": "Made Up"}],
                        "names.benign_lost_examples": [{"benign": "Acme Made"}]}


def test_check_targets_at_the_limits_pass() -> None:
    targets = public.check_targets(_all_passing())
    assert len(targets) == 10
    assert all(t["passed"] for t in targets.values())


def test_check_targets_fail_above_or_below_a_limit_and_for_corpora_not_scored() -> None:
    corpora = _all_passing()
    corpora["names_gum"] = {"names": _names_figures(10, 2, 0.95)}
    corpora["names_litbank"] = {"names": _names_figures(10, 0, 0.89)}
    corpora["secrets"] = {"secrets": _secrets_figures(0.79, 0.11)}
    del corpora["names_sec_filings"]
    failed = {name for name, t in public.check_targets(corpora).items() if not t["passed"]}
    assert failed == {"names_gum.leak_rate", "names_litbank.benign_entity_kept", "secrets.recall",
                      "secrets.fp_changed", "names_sec_filings.leak_rate", "names_sec_filings.benign_entity_kept"}
    assert public.check_targets(corpora)["names_sec_filings.leak_rate"]["value"] is None


def test_render_table_shows_corpora_genres_sources_skips_and_targets() -> None:
    corpora = _all_passing()
    genres = {"news": {"planted": 6, "leaked": 1, "leak_rate": 1 / 6, "benign_entity_kept_rate": 1.0},
              "bio": {"planted": 4, "leaked": 0, "leak_rate": 0.0, "benign_entity_kept_rate": None}}
    corpora["names_gum"] = {"names": _names_figures(10, 1, 0.9, genres)}
    del corpora["names_litbank"]
    results = {"folder": "/made/up", "engine": "ft-sanitizer", "limit": 50, "corpora": corpora,
               "skipped": {"names_litbank": "names_litbank.chat.jsonl not in /made/up"}}
    results["targets"] = public.check_targets(corpora)
    table = public.render_table(results)
    lines = table.splitlines()
    assert "sample of 50 records" in lines[0]
    wikigold = next(x for x in lines if x.startswith("names_wikigold"))
    assert wikigold.split() == ["names_wikigold", "5", "10", "1", "10.0%", "2", "90.0%", "1"]
    assert [x.split()[0] for x in lines if x.startswith("  ")] == ["news", "bio", "ds", "np"]
    assert next(x for x in lines if x.startswith("  news")).split() == ["news", "6", "1", "16.7%", "100.0%"]
    assert next(x for x in lines if x.startswith("secrets  ")).split() == [
        "secrets", "10", "80.0%", "90.0%", "4", "10.0%", "25.0%", "1"]
    assert "skipped names_litbank: names_litbank.chat.jsonl not in /made/up" in lines
    assert any(x.startswith("target names_litbank.leak_rate") and "FAIL" in x and "not scored" in x for x in lines)
    assert any(x.startswith("target secrets.recall") and "PASS" in x for x in lines)


def test_report_says_when_the_folder_is_missing_and_fails_only_when_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-corpora"
    assert public.report(tmp_path / "work", missing, "ft-sanitizer", None, None, check=False) == 0
    out = capsys.readouterr().out
    assert f"public corpora: skipped, folder {missing} not found (from --public-dir)" in out
    assert public.ENV_VAR in out
    assert public.report(tmp_path / "work", missing, "ft-sanitizer", None, None, check=True) == 2
    assert not (tmp_path / "work").exists()


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _chat(text: str) -> dict:
    return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}]}


@pytest.mark.slow
@pytest.mark.skipif(not REAL_SCORER.is_file(), reason=f"public corpora folder missing ({REAL_SCORER.parent})")
def test_report_runs_the_cli_and_the_packs_scorer_on_a_made_up_corpus(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    _write_jsonl(folder / "names_wikigold.chat.jsonl", [
        _chat("My name is Harriet Quillborne and I work at the Nortek Museum."),
        _chat("The ferry to Oslo leaves from the Grand Harbour at noon.")])
    _write_jsonl(folder / "names_wikigold.labels.jsonl", [
        {"sensitive": ["Harriet Quillborne"], "benign": ["Noted.", "Nortek Museum"], "id": "demo:1", "genre": "demo"},
        {"sensitive": [], "benign": ["Noted.", "Oslo", "Grand Harbour"], "id": "demo:2", "genre": "demo"}])
    token = github_token(3)
    secret_texts = [f"GITHUB_TOKEN={token}", "timeout = 30 # seconds"]
    _write_jsonl(folder / "secrets.chat.jsonl", [_chat("Why does this config fail?\n" + t) for t in secret_texts])
    _write_jsonl(folder / "secrets.labels.jsonl", [
        {"label": "tp", "text": secret_texts[0], "secrets": [token], "id": "ds:demo[0]"},
        {"label": "fp", "text": secret_texts[1], "id": "np:demo[1]"}])
    cli = REPO / ".venv" / "bin" / "ft-sanitizer"

    rc = public.report(tmp_path / "work", folder, "ft-sanitizer", cli, None, check=True, scorer=REAL_SCORER)

    results = json.loads((tmp_path / "work" / "public_results.json").read_text(encoding="utf-8"))
    names = results["corpora"]["names_wikigold"]["names"]
    assert (names["planted"], names["leaked"], names["benign_entity_total"]) == (1, 0, 3)
    assert names["benign_entity_kept_rate"] == 1.0
    secrets = results["corpora"]["secrets"]["secrets"]
    assert (secrets["tp"], secrets["recall"], secrets["fp"], secrets["fp_changed_rate"]) == (1, 1.0, 1, 0.0)
    assert set(results["skipped"]) == {"names_gum", "names_litbank", "names_sec_filings"}
    assert rc == 1  # the skipped corpora fail their targets under --check-public
    out = capsys.readouterr().out
    assert token not in out and "Quillborne" not in out  # figures only on the terminal
    assert "leak_examples" not in json.dumps(results)
