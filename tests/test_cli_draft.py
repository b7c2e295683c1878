"""`laorus draft` through Typer's CliRunner: the store it writes, bad input, and the quiz on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cli import app

runner = CliRunner()
DATA = Path(__file__).parent / "data"
ARTICLES = ("lavrov_laos_2025.txt", "veloria_karstan_2024.txt")


pytestmark = pytest.mark.usefixtures("home")


@pytest.mark.parametrize("article", ARTICLES)
def test_default_draft_validates_without_problems_or_warnings(article: str, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    result = runner.invoke(app, ["draft", str(DATA / article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"into {out}" in result.stdout
    assert "Review:" in result.stdout
    checked = runner.invoke(app, ["--facts", str(out), "validate"])
    assert checked.exit_code == 0, checked.output
    assert checked.stderr == ""  # no warning: each statement is its quote's own sentence
    assert "sentences quoted:" in checked.stdout
    assert "(100%)" in checked.stdout


@pytest.mark.parametrize("article", ARTICLES)
@pytest.mark.parametrize("mode", ["free", "choice", "cloze", "mixed"])
def test_answer_key_fed_back_scores_every_question(article: str, mode: str, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    assert runner.invoke(app, ["draft", str(DATA / article), "-o", str(out)]).exit_code == 0
    args = ["--facts", str(out), "quiz", "--mode", mode, "--seed", "9", "--count", "200"]
    key = runner.invoke(app, [*args, "--answer-key", "--json"])
    assert key.exit_code == 0, key.output
    answers = [q["answer"] for q in json.loads(key.stdout)]
    assert answers
    result = runner.invoke(app, [*args, "--json"], input="\n".join(answers) + "\n")
    summary = json.loads(result.stdout)
    assert [a for a in summary["answers"] if not a["correct"]] == []
    assert summary["correct"] == summary["total"] == len(answers)


def test_standard_input_drafts_to_standard_output() -> None:
    text = (DATA / "veloria_karstan_2024.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["draft", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# laorus fact store drafted")
    assert "Drafted" in result.stderr


def test_an_existing_store_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    out.write_text("mine", encoding="utf-8")
    article = str(DATA / ARTICLES[1])
    result = runner.invoke(app, ["draft", article, "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {out} exists already; add --force to replace it, or give another name\n"
    )
    assert out.read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, ["draft", article, "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# laorus fact store drafted")


HTML = b"<!DOCTYPE html><html><body><p>On 7 October 2025 they met.</p></body></html>"


@pytest.mark.parametrize(
    ("content", "args", "code", "message"),
    [
        (b"", (), 1, "is empty; give the article as a plain-text (UTF-8) file"),
        (b"   \n\n", (), 1, "is empty"),
        (b"abc\x00def\n", (), 1, "is a binary file"),
        (b"Caf\xe9 society met in 2020.\n", (), 1, "is not UTF-8 text (byte 0xe9 on line 1)"),
        (b"12 34\n--\n|\n", (), 1, "has no sentences to draft facts from"),
        (HTML, (), 1, "is a web page (HTML), not plain text; save it as text first"),
        (b"The forum met in Amsel in 2020.\n", ("--published", "2999-01-01"), 2, "is after today"),
        (b"The forum met in Amsel in 2020.\n", ("--published", "20/11/2025"), 2, "is not a date"),
        (
            b"A Title\nBy Anna Kessel, 1 January 2098\n\n"
            b"The forum met in Amsel in 2020 and 2021.\n",
            (),
            1,
            "after today",
        ),
    ],
)
def test_bad_input_is_one_line_and_leaves_no_file(
    content: bytes, args: tuple[str, ...], code: int, message: str, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    out = tmp_path / "article.toml"
    result = runner.invoke(app, ["draft", str(article), *args])
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["article.txt"]


def test_a_missing_article_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["draft", "--help"])
    assert result.exit_code == 0
    assert "Example: laorus draft" in result.stdout


ONE_SENTENCE = "On 7 October 2025, the Republic of Veloria opened an embassy.\n"


def test_the_report_counts_one_fact_in_the_singular(tmp_path: Path) -> None:
    out = tmp_path / "one.toml"
    result = runner.invoke(
        app, ["draft", "-", "--published", "2025-11-20", "-o", str(out)], input=ONE_SENTENCE
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        f"Drafted 1 fact (1 dated, 0 derived), 1 question and 1 name into {out}."
    )


def test_a_store_in_a_missing_folder_is_one_line_saying_to_create_it(tmp_path: Path) -> None:
    out = tmp_path / "nodir" / "x.toml"
    result = runner.invoke(app, ["draft", "-", "-o", str(out)], input=ONE_SENTENCE)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {out}: the folder {out.parent} does not exist;"
        " create it first or write to another folder\n"
    )


UNDATED_ARTICLE = (
    "Last year, the Northern Trade Forum was held in Port Amsel for the first time.\n"
    "In September 2021, the two governments signed the Agreement on Maritime Cooperation.\n"
)


def test_a_draft_without_a_publication_date_validates_and_says_what_stays_undated(
    tmp_path: Path,
) -> None:
    out = tmp_path / "undated.toml"
    result = runner.invoke(app, ["draft", "-", "-o", str(out)], input=UNDATED_ARTICLE)
    assert result.exit_code == 0, result.output
    assert "publication date (optional; unknown, so relative dates stay undated)" in result.stdout
    assert "Left undated: 'Last year' (no publication date to count it from)." in result.stdout
    assert "will not validate" not in result.stdout
    assert "\npublished = " not in out.read_text(encoding="utf-8")
    checked = runner.invoke(app, ["--facts", str(out), "validate"])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith(f"{out}: OK\n")
    key = runner.invoke(app, ["--facts", str(out), "quiz", "--answer-key", "--json"])
    assert key.exit_code == 0, key.output
    assert [q["answer"] for q in json.loads(key.stdout)]
