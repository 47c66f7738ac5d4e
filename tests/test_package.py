"""The package: the shipped plan matches the memo, and a plain wheel works elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from importlib.resources import files
from pathlib import Path

import pytest

from kraftgraf.graph.store.build import plan_turtle

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_plan_is_what_the_loader_extracts_today(memo_path):
    shipped = (files("kraftgraf.data") / "kraftsamling-2019.ttl").read_text(encoding="utf-8")
    assert plan_turtle(memo_path) == shipped, (
        "data/kraftsamling-2019.ttl is stale: regenerate it with `make plan`")


@pytest.mark.slow
def test_a_wheel_installs_in_a_fresh_venv_and_runs_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT],
                   check=True)
    (wheel,) = dist.glob("kraftgraf-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "-q", wheel], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KRAFTGRAF_STORE")}
    result = subprocess.run([env_dir / "bin" / "kraftgraf", "stats", "--format", "csv"],
                            cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert "initiatives,initiativ,33" in result.stdout
    # the templates and the ontology files ship too
    subprocess.run([env_dir / "bin" / "kraftgraf", "viz", "-o", "karta.html"], cwd=elsewhere, env=env,
                   check=True, capture_output=True)
    assert "vis.Network" in (elsewhere / "karta.html").read_text(encoding="utf-8")
    # nothing generic such as 'graph' or 'queries' lands in site-packages
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    top = {p.name for p in Path(site).iterdir()}
    assert "kraftgraf" in top and not top & {"graph", "queries", "loaders", "ontology", "data"}
