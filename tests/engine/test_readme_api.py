"""The scripting API shown in the README runs as written (users copy it)."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_scripting_example_runs(tmp_path, monkeypatch):
    text = README.read_text(encoding="utf-8")
    section = text.split("## Scripting API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(tmp_path)  # the example saves net.json in the current folder
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # our own README, not user input
    assert (tmp_path / "net.json").exists()
    assert namespace["net2"].to_dict() == namespace["net"].to_dict()
    assert namespace["out"].shape == (200, 1)
