"""Time grading one answer, with the store's names as rivals: the average must stay under 1 ms.

Usage: python bench/grading.py [--rounds N]

Grades, for every question of the shipped store, its answer written loosely, each accepted
form, a typo, another name of the vocabulary and a number one off, as the quiz does (with the
question and the store), N rounds after one untimed round (which loads the names and the list
of English words), and prints the average and the slowest kind of answer.
"""

from __future__ import annotations

import argparse
import statistics
import time

from laorus import grade
from laorus.answers.names import shipped_store

TARGET_MS = 1.0


def answers() -> list[tuple[str, object]]:
    """(answer, question) pairs: right ones written loosely, typos, rivals, numbers one off."""
    store = shipped_store()
    names = [name.name for name in store.names]
    pairs: list[tuple[str, object]] = []
    for number, question in enumerate(q for fact in store.facts for q in fact.questions):
        for form in question.forms:
            pairs.append((f"the {form.lower()}.", question))
        answer = question.answer
        if len(answer) > 5:
            pairs.append((answer[:2] + answer[3] + answer[2] + answer[4:], question))  # a typo
        pairs.append((names[number % len(names)], question))
        pairs.append((f"{answer} or {names[(number * 7) % len(names)]}", question))
        if answer.isdigit():
            pairs.append((str(int(answer) + 1), question))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    store = shipped_store()
    pairs = answers()

    def one_round() -> list[float]:
        times = []
        for given, question in pairs:
            start = time.perf_counter()
            grade(given, question.answer, aliases=question.accept, question=question, store=store)  # type: ignore[attr-defined]
            times.append(time.perf_counter() - start)
        return times

    one_round()  # loads the vocabulary and the English words
    samples = [t for _ in range(rounds) for t in one_round()]
    mean = statistics.fmean(samples) * 1000
    worst = max(samples) * 1000
    p95 = statistics.quantiles(samples, n=20)[-1] * 1000
    verdict = "met" if mean < TARGET_MS else "NOT met"
    print(
        f"{len(pairs)} answers x {rounds} rounds: mean {mean:.3f} ms, p95 {p95:.3f} ms,"
        f" slowest {worst:.2f} ms (target: mean < {TARGET_MS} ms, {verdict})"
    )


if __name__ == "__main__":
    main()
