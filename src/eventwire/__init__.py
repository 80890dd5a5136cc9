"""eventwire: news articles to checkable political event records."""

from eventwire.config import Settings, load
from eventwire.errors import (
    ConfigError,
    EventwireError,
    InputError,
    ResourceError,
    StageError,
    StoreError,
)
from eventwire.model import (
    Actor,
    Analysis,
    Article,
    Duplicate,
    Entity,
    Event,
    EventActor,
    Place,
    Problem,
    Quote,
    Rejection,
    Span,
    TimeRef,
)
from eventwire.pipeline import Pipeline
from eventwire.record import to_record
from eventwire.runner import Summary, extract, run

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ConfigError",
    "Duplicate",
    "Entity",
    "Event",
    "EventActor",
    "EventwireError",
    "InputError",
    "Pipeline",
    "Place",
    "Problem",
    "Quote",
    "Rejection",
    "ResourceError",
    "Settings",
    "Span",
    "StageError",
    "StoreError",
    "Summary",
    "TimeRef",
    "extract",
    "load",
    "run",
    "to_record",
]
