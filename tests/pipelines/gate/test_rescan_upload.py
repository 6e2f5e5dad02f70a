import json
import secrets
from pathlib import Path

import pytest

from pipelines.gate.rescan_upload import rescan_for_secrets
from schemas.errors import ContentRefused


def _file(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "train.sanitized.jsonl"
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


def test_passes_file_when_only_placeholders_remain(tmp_path: Path) -> None:
    path = _file(tmp_path, {"text": "key <OPENAI_API_KEY_1> and <PERSON_1>"}, {"text": "plain"})
    assert rescan_for_secrets(path) == 2


@pytest.mark.parametrize(
    "where",
    [
        lambda k: {"text": f"my key {k}"},  # a value
        lambda k: {"messages": [{"role": "user", "content": "hi", "name": k}]},  # a nested field
        lambda k: {k: "x"},  # a field name
    ],
)
def test_refuses_naming_line_and_type_never_value_when_a_secret_remains(tmp_path: Path, where) -> None:
    key = "sk-proj-" + secrets.token_hex(24)
    path = _file(tmp_path, {"text": "clean"}, where(key))
    with pytest.raises(ContentRefused, match="OPENAI_API_KEY on 1 line") as info:
        rescan_for_secrets(path)
    assert "lines 2" in str(info.value) and key not in str(info.value)


def test_refuses_when_a_line_is_not_json(tmp_path: Path) -> None:
    with pytest.raises(ContentRefused, match="NOT_JSON"):
        rescan_for_secrets(_file(tmp_path, "{not json"))
