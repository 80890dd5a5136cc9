"""schemathesis over /openapi.json, in-process: no server errors, every response matches its schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from eventwire.api import create_app


@pytest.mark.slow
def test_every_endpoint_matches_its_schema(store_path: Path) -> None:
    app = create_app(store_path, watch_every=None)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=op.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            case.validate_response(response)

        try:
            check()
        except Exception as exc:  # collect all, report together
            failures.append(f"{op.label}: {exc}")
    assert not failures, "\n".join(failures)
