import datetime as dt

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
