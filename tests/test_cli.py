import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

pytestmark = pytest.mark.model

STORY = "Foreign ministers met in Vienna on Tuesday, officials said.\nThe talks will resume next week.\n"


def test_extract_prints_one_contract_record_per_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", str(tmp_path / "a.txt"), "--published", "2023-11-21"])
    assert result.exit_code == 0, result.output
    [line] = result.output.splitlines()
    record = json.loads(line)
    for name in (
        "id",
        "source",
        "url",
        "title",
        "published",
        "text",
        "paragraphs",
        "duplicates",
        "entities",
        "quotes",
        "times",
        "places",
        "events",
    ):
        assert name in record
    assert record["text"] == STORY and record["published"] == "2023-11-21"


def test_extract_reports_bad_json_line_on_stderr_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text('{"id": "ok", "text": "' + STORY.strip().replace("\n", " ") + '"}\n{oops\n')
    result = CliRunner().invoke(main, ["extract", "--json", str(tmp_path / "in.jsonl")])
    assert result.exit_code == 0
    assert "in.jsonl:2: rejected (ingest.json)" in result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["ok"]


def test_strict_exits_3_on_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--strict", str(tmp_path / "empty.txt")])
    assert result.exit_code == 3


def test_misuse_exits_2() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "x.txt", "--published", "21/11/2023"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_missing_input_is_a_fault_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_run_summary_accounts_for_every_input_and_rerun_is_stable(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in" / "copy.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("  ", encoding="utf-8")
    (tmp_path / "in" / "rows.jsonl").write_text('{"text": "Rebels attacked a convoy."}\n[1]\n', encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["run", str(tmp_path / "in"), "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["inputs"] == 5
    assert summary["processed"] + sum(summary["rejected"].values()) == summary["inputs"]
    assert summary["rejected"] == {"ingest.duplicate_article": 1, "ingest.empty": 1, "ingest.json": 1}
    stats_before = runner.invoke(main, ["stats", "--db", db, "--json"]).stdout
    runner.invoke(main, ["run", str(tmp_path / "in"), "--db", db, "--json"])
    assert runner.invoke(main, ["stats", "--db", db, "--json"]).stdout == stats_before


def test_extract_text_lists_each_article_readably(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--text", str(tmp_path / "a.txt"), "--published", "2023-11-21"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "entities" in first and "events)" in first
    with pytest.raises(json.JSONDecodeError):
        json.loads(first)


def test_settings_come_from_the_file_environment_and_options(tmp_path: Path) -> None:
    (tmp_path / "eventwire.toml").write_text("workers = 2\nbatch_size = 4\nmax_chars = 10\n", encoding="utf-8")
    runner = CliRunner(env={"EVENTWIRE_BATCH_SIZE": "8"})
    with runner.isolated_filesystem(temp_dir=tmp_path):
        (Path("eventwire.toml")).write_text((tmp_path / "eventwire.toml").read_text(), encoding="utf-8")
        shown = runner.invoke(main, ["settings"])
    assert shown.exit_code == 0, shown.output
    assert "workers = 2" in shown.stdout and "batch_size = 8" in shown.stdout
    (tmp_path / "long.txt").write_text(STORY, encoding="utf-8")
    args = ["extract", "--config", str(tmp_path / "eventwire.toml"), str(tmp_path / "long.txt")]
    assert "ingest.too_large" in runner.invoke(main, args).stderr
    assert runner.invoke(main, [*args, "--max-chars", "100000"]).stdout.startswith("{")


def test_bad_settings_are_misuse_or_faults_with_the_setting_named(tmp_path: Path) -> None:
    runner = CliRunner()
    bad_option = runner.invoke(main, ["run", "x.txt", "--batch", "0"])
    assert bad_option.exit_code == 2 and "--batch" in bad_option.output
    bad_env = CliRunner(env={"EVENTWIRE_WORKERS": "many"}).invoke(main, ["run", "x.txt"])
    assert bad_env.exit_code == 1 and "EVENTWIRE_WORKERS" in bad_env.output
    missing = runner.invoke(main, ["stats", "--config", str(tmp_path / "none.toml")])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_settings_docs_command_prints_the_reference() -> None:
    result = CliRunner().invoke(main, ["settings", "--docs"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Settings") and "`EVENTWIRE_DB`" in result.stdout
