import pytest

from eventwire import config
from eventwire.errors import ConfigError, StageError
from eventwire.model import Analysis, Article
from eventwire.pipeline import REGISTRY, Pipeline, stage


def test_unknown_stage_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="known stages: .*clean"):
        Pipeline(config.load({"stages": ("clean", "nonsense")}))


def test_order_is_checked_when_built() -> None:
    with pytest.raises(ConfigError, match="needs paragraphs"):
        Pipeline(config.load({"stages": ("dedupe", "clean")}))


@stage("_boom", version=1, requires=(), provides=())
def _boom(analysis: Analysis, settings: config.Settings) -> Analysis:
    raise RuntimeError("kaput")


def test_stage_failure_is_recorded_not_lost() -> None:
    pipeline = Pipeline(config.load({"stages": ("clean", "_boom")}))
    result = pipeline.run(Article(id="a1", text="Some words here."))
    assert [p.code for p in result.problems] == ["pipeline.stage_failed"]
    assert "kaput" in result.problems[0].message
    assert result.paragraphs  # the earlier stage's layer is kept


def test_stage_failure_raises_when_asked() -> None:
    pipeline = Pipeline(config.load({"stages": ("clean", "_boom"), "raise_errors": True}))
    with pytest.raises(StageError, match="'_boom' failed on article a1"):
        pipeline.run(Article(id="a1", text="Some words here."))


@stage("_slow", version=1, requires=(), provides=())
def _slow(analysis: Analysis, settings: config.Settings) -> Analysis:
    while True:
        pass


def test_an_article_that_takes_too_long_is_stopped_and_reported() -> None:
    pipeline = Pipeline(config.load({"stages": ("clean", "_slow"), "article_seconds": 0.2}))
    result = pipeline.run(Article(id="a1", text="Some words here."))
    assert [p.code for p in result.problems] == ["pipeline.timeout"]


def test_registry_holds_builtin_stages_after_build() -> None:
    Pipeline(config.load({"stages": ("clean", "dedupe")}))
    assert {"clean", "dedupe"} <= set(REGISTRY)


_WARMED: list[str] = []


def _warm(settings: config.Settings) -> None:
    _WARMED.append("loaded")


@stage("_warmed", version=1, requires=(), provides=(), warm=_warm)
def _warmed(analysis: Analysis, settings: config.Settings) -> Analysis:
    return analysis


def test_resources_are_loaded_before_the_first_article_and_outside_its_time_limit() -> None:
    _WARMED.clear()
    pipeline = Pipeline(config.load({"stages": ("clean", "_warmed")}))
    assert _WARMED == []
    results = list(pipeline.pipe([Article(id="a1", text="One."), Article(id="a2", text="Two.")]))
    assert _WARMED == ["loaded"] and len(results) == 2


@stage("_misnamed", version=1, requires=(), provides=("tokens",))
def _misnamed(analysis: Analysis, settings: config.Settings) -> Analysis:
    return analysis


@stage("_early_reader", version=1, requires=(), optional=("entities",), provides=())
def _early_reader(analysis: Analysis, settings: config.Settings) -> Analysis:
    return analysis


def test_contract_names_must_be_analysis_fields() -> None:
    with pytest.raises(ConfigError, match="not Analysis fields"):
        Pipeline(config.load({"stages": ("clean", "_misnamed")}))


def test_optional_field_filled_only_later_is_refused() -> None:
    with pytest.raises(ConfigError, match="filled only after it"):
        Pipeline(config.load({"stages": ("clean", "dedupe", "parse", "_early_reader", "entities")}))
    Pipeline(config.load({"stages": ("clean", "dedupe", "parse", "_early_reader")}))


def test_issue_14_the_time_limit_applies_in_a_worker_thread() -> None:
    """Dask runs tasks in threads, where SIGALRM cannot reach: the limit must still stop a slow stage."""
    import threading
    import time as clock

    from eventwire.pipeline import StageTimeout, _time_limit

    outcome: list[str] = []

    def slow() -> None:
        started = clock.monotonic()
        try:
            with _time_limit(0.2):
                while clock.monotonic() - started < 5:
                    pass
            outcome.append("finished")
        except StageTimeout:
            outcome.append(f"stopped after {clock.monotonic() - started:.1f}s")

    worker = threading.Thread(target=slow)
    worker.start()
    worker.join(timeout=10)
    assert outcome and outcome[0].startswith("stopped after 0.")
