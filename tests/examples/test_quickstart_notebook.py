"""examples/quickstart.ipynb runs top to bottom in a kernel on this venv's python, and leaks nothing.

The kernel spec is written to a temporary folder put first on JUPYTER_PATH, and Jupyter's runtime
and IPython's profile folders are temporary too: the user's own Jupyter setup is neither read for the
kernel nor written to. The flow cell starts Prefect's temporary server under a fresh, temporary
PREFECT_HOME, with no Prefect setting in the environment: the project's own defaults must keep it quiet.
"""

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
KERNEL_NAME = "ft-sanitizer-venv"


@pytest.fixture
def isolated_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec for sys.executable, visible only to this test; returns its name."""
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "ft-sanitizer .venv",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    # As a user's fresh notebook starts: no Prefect settings at all (the notebook's `import pipelines`
    # sets the project's defaults), and a PREFECT_HOME nobody has used yet.
    for name in [k for k in os.environ if k.startswith("PREFECT_")] + ["DO_NOT_TRACK"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setenv("QUICKSTART_OUT", str(tmp_path / "out"))
    return KERNEL_NAME


def test_runs_every_cell_when_executed(isolated_kernel: str, tmp_path: Path, canaries: dict[str, str]) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, kernel_name=isolated_kernel, timeout=600, resources={"metadata": {"path": str(ROOT / "examples")}}
    )
    client.execute()

    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = json.dumps(outputs)
    # Quiet: no telemetry attempt, no traceback of any kind, in any cell's output (stderr included).
    for noise in ("Traceback", "Failed to send telemetry", "database is locked", "Timed out while attempting"):
        assert noise not in text, noise
    assert "ft-sanitizer: conversational.jsonl" in text  # the result's HTML summary was displayed
    assert "invalid_json" in text  # the quarantine table of malformed.jsonl
    assert "file(s) approved" in text  # the flow ran on its temporary Prefect server
    assert (tmp_path / "out" / "dataset" / "conversational" / "report.json").exists()
    assert [name for name, value in canaries.items() if value in text] == []
