"""ft-sanitizer's Prefect defaults: analytics off and a patient ephemeral server, unless the user chose."""

import subprocess
import sys

from pipelines.prefect_defaults import ANALYTICS, STARTUP_TIMEOUT, apply_prefect_defaults


def test_turns_analytics_off_and_lengthens_startup_when_user_set_nothing() -> None:
    env: dict[str, str] = {}
    apply_prefect_defaults(env)
    assert env == {ANALYTICS: "false", "DO_NOT_TRACK": "1", STARTUP_TIMEOUT: "120"}


def test_keeps_analytics_on_when_user_turned_them_on() -> None:
    env = {ANALYTICS: "true", STARTUP_TIMEOUT: "45"}
    assert apply_prefect_defaults(env) == {}
    assert env == {ANALYTICS: "true", STARTUP_TIMEOUT: "45"}  # no DO_NOT_TRACK either


def test_prefect_reads_the_defaults_when_pipelines_is_imported_first(tmp_path) -> None:
    code = (
        "import pipelines\n"
        "from prefect.settings import get_current_settings\n"
        "s = get_current_settings().server\n"
        "print(s.analytics_enabled, s.ephemeral.startup_timeout_seconds)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PREFECT_HOME": str(tmp_path / "prefect")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "120"]
