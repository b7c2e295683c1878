"""The wheel ships the fact store: installed into a fresh venv, `laorus validate` works anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_validates_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("laorus-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The dependencies come from this interpreter's site-packages, appended after the new
    # venv's own, so the installed wheel (not this checkout) is what runs.
    inner = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    outer = [p for p in sys.path if p.endswith("site-packages")]
    (Path(inner) / "outer-deps.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    # --ignore-installed: the laorus that the outer environment may hold must not stop pip
    # from installing the wheel here (nor may pip touch that one).
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--ignore-installed",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environ = {k: v for k, v in os.environ.items() if k != "LAORUS_FACTS"}
    result = subprocess.run(
        [str(env_dir / "bin" / "laorus"), "validate"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "facts:" in result.stdout
    shipped = result.stdout.splitlines()[0]
    assert "site-packages" in shipped
    assert str(ROOT) not in shipped
    # The draft's data files (the English words, the known countries) are in the wheel too.
    drafted = subprocess.run(
        [
            str(env_dir / "bin" / "laorus"),
            "draft",
            str(ROOT / "tests" / "data" / "lavrov_laos_2025.txt"),
            "-o",
            "-",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert drafted.returncode == 0, drafted.stderr
    assert 'name = "China"\nkind = "country"' in drafted.stdout  # known_names.txt only
