import datetime as dt
from dataclasses import fields
from pathlib import Path

import pytest

from eventwire import config
from eventwire.errors import ConfigError


def test_defaults() -> None:
    settings = config.load({}, environ={})
    assert settings.model == config.DEFAULT_MODEL
    assert settings.published is None


def test_environment_then_overrides() -> None:
    env = {"EVENTWIRE_BATCH_SIZE": "8", "EVENTWIRE_PUBLISHED": "2023-11-21"}
    settings = config.load({"batch_size": 4}, environ=env)
    assert settings.batch_size == 4
    assert settings.published == dt.date(2023, 11, 21)


def test_unknown_setting_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="valid settings: .*batch_size"):
        config.load({"batch": 3}, environ={})


def test_bad_environment_value_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="EVENTWIRE_BATCH_SIZE"):
        config.load({}, environ={"EVENTWIRE_BATCH_SIZE": "many"})


def test_file_then_environment_then_command_line(tmp_path: Path) -> None:
    file = tmp_path / "eventwire.toml"
    file.write_text('batch_size = 5\nworkers = 3\ndb = "out/x.duckdb"\npublished = 2023-11-21\n', encoding="utf-8")
    env = {"EVENTWIRE_BATCH_SIZE": "6", "EVENTWIRE_WORKERS": "4"}
    settings = config.load({"workers": 7}, environ=env, file=file)
    assert settings.workers == 7  # command line over environment
    assert settings.batch_size == 6  # environment over file
    assert settings.db == tmp_path / "out" / "x.duckdb"  # file over default, relative to the file
    assert settings.published == dt.date(2023, 11, 21)
    assert config.load({}, environ={}, file=None).batch_size == config.Settings().batch_size


def test_file_lists_and_flags(tmp_path: Path) -> None:
    file = tmp_path / "c.toml"
    file.write_text('stages = ["clean", "parse"]\ndictionaries = ["a.yaml"]\nstrict = true\n', encoding="utf-8")
    settings = config.load({}, environ={}, file=file)
    assert settings.stages == ("clean", "parse")
    assert settings.dictionaries == (tmp_path / "a.yaml",)
    assert settings.strict is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("batch = 3\n", "unknown setting 'batch'; valid settings: .*write_batch"),
        ('batch_size = "3"\n', "batch_size = '3': expected an integer"),
        ("batch_size = 0\n", "below the least allowed value"),
        ("event_model_floor = 2.0\n", "above the greatest allowed value"),
        ("strict = 1\n", "expected true or false"),
        ('stages = "clean"\n', "expected a list of strings"),
        ("batch_size = \n", "not valid TOML"),
    ],
)
def test_bad_file_names_the_file_and_setting(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / "eventwire.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        config.load({}, environ={}, file=file)


def test_environment_flags_and_lists() -> None:
    env = {"EVENTWIRE_STRICT": "yes", "EVENTWIRE_STAGES": "clean, parse", "EVENTWIRE_DB": "a.duckdb"}
    settings = config.load({}, environ=env)
    assert settings.strict is True and settings.stages == ("clean", "parse") and settings.db == Path("a.duckdb")
    with pytest.raises(ConfigError, match="EVENTWIRE_RAISE_ERRORS='maybe'"):
        config.load({}, environ={"EVENTWIRE_RAISE_ERRORS": "maybe"})


def test_find_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert config.find_file(environ={}) is None
    (tmp_path / "eventwire.toml").write_text("workers = 2\n", encoding="utf-8")
    assert config.find_file(environ={}) == Path("eventwire.toml")
    (tmp_path / "other.toml").write_text("", encoding="utf-8")
    assert config.find_file(environ={"EVENTWIRE_CONFIG": "other.toml"}) == Path("other.toml")
    assert config.find_file("other.toml", environ={"EVENTWIRE_CONFIG": "eventwire.toml"}) == Path("other.toml")
    with pytest.raises(ConfigError, match="does not exist"):
        config.find_file("missing.toml", environ={})


def test_every_field_is_in_the_table_with_help_and_a_type() -> None:
    names = [info.name for info in config.SETTINGS]
    assert names == [f.name for f in fields(config.Settings)]
    for info in config.SETTINGS:
        assert info.help.endswith("."), info.name
        assert info.type_name and info.commands and info.flag.startswith("--")
    assert len({info.flag for info in config.SETTINGS}) == len(names)


def test_to_toml_reads_back(tmp_path: Path) -> None:
    settings = config.Settings(
        published=dt.date(2024, 1, 2), scheduler="tcp://h:1", dictionaries=(tmp_path / "d",), db=tmp_path / "x.duckdb"
    )
    file = tmp_path / "round.toml"
    file.write_text(config.to_toml(settings), encoding="utf-8")
    assert config.load({}, environ={}, file=file) == settings


def test_settings_docs_page_is_in_step_with_the_table() -> None:
    page = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
    assert page.read_text(encoding="utf-8") == config.docs_page(), (
        "docs/settings.md is out of step with config.Settings: run `eventwire settings --docs > docs/settings.md`"
    )
    for info in config.SETTINGS:
        assert f"`{info.env}`" in page.read_text(encoding="utf-8")
