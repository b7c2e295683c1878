#!/usr/bin/env bash
# Drive `laorus quiz` in a real terminal (tmux) and check what a person sees there:
# the progress and question in a panel, the prompt, the verdict with the answer and the
# article's sentence; a skipped and a wrong answer, then Ctrl-C: the summary table with the
# right answers, the score and exit status 130.
# Then a choice question: a letter beyond the options ("e") asks again, the right letter
# is graded right; and `laorus stats` shows the answers given to this store.
#
# Usage: scripts/tmux_quiz.sh            (uses `laorus` on PATH, else `python3 -m laorus`)
#        LAORUS="python -m laorus" WIDTH=60 scripts/tmux_quiz.sh
# WIDTH is the terminal's width in columns (default 80; 40 is the narrowest it checks).
# Prints every screen it checks; exits 0 when all checks pass, 1 on the first that fails.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux_quiz.sh: tmux is not installed" >&2
    exit 2
fi
if [[ -z "${LAORUS:-}" ]]; then
    if command -v laorus >/dev/null 2>&1; then LAORUS=laorus; else LAORUS="python3 -m laorus"; fi
fi
PYTHON="${PYTHON:-python3}"
WIDTH="${WIDTH:-80}"
WORK="$(mktemp -d)"
SESSION="laorus-quiz-$$"
export LAORUS_HOME="$WORK/home"
# A private tmux server (-L), so a tmux the user is running is never touched.
tmx() { tmux -L "$SESSION" "$@"; }
trap 'tmx kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

ARGS=(quiz --seed 11 --count 4)
# The answers come from the answer key of the same options, so the first one is right.
$LAORUS "${ARGS[@]}" --answer-key --json >"$WORK/key.json"
FIRST_QUESTION="$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["question"])' "$WORK/key.json")"
FIRST_ANSWER="$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["answer"])' "$WORK/key.json")"
FIRST_WORDS="$(echo "$FIRST_QUESTION" | cut -d' ' -f1-3)"

screen() { tmx capture-pane -p -t "$SESSION" -S -300; }

fail() {
    echo "FAIL: $1" >&2
    echo "----- screen -----" >&2
    screen >&2
    exit 1
}

# Wait (up to 30 s, so a slow machine is not a failure) until the screen shows $1.
wait_for() {
    local pattern="$1" tries=0
    until screen | grep -qF -- "$pattern"; do
        tries=$((tries + 1))
        ((tries < 300)) || fail "never saw: $pattern"
        sleep 0.1
    done
    echo "ok: saw '$pattern'"
}

tmx new-session -d -s "$SESSION" -x "$WIDTH" -y 50 \
    "env LAORUS_HOME='$LAORUS_HOME' $LAORUS ${ARGS[*]}; echo \"EXIT=\$?\"; sleep 60"

wait_for "1/4"
wait_for "╭"
wait_for "$FIRST_WORDS"
wait_for "Your answer"
tmx send-keys -t "$SESSION" -l "$FIRST_ANSWER"
tmx send-keys -t "$SESSION" Enter
wait_for "✓ Right"
wait_for "Answer: "
wait_for "2/4"
tmx send-keys -t "$SESSION" Enter
wait_for "– Skipped"
# After an empty answer the verdict must start its own line, not trail the prompt.
screen | grep -q "^– Skipped" || fail "the verdict of an empty answer shares the prompt's line"
wait_for "3/4"
tmx send-keys -t "$SESSION" -l "wrong"
tmx send-keys -t "$SESSION" Enter
wait_for "✗ Wrong"
wait_for "4/4"
tmx send-keys -t "$SESSION" C-c
wait_for "Interrupted: the quiz ends here."
wait_for "Your answers"
wait_for "right: "
# (At narrow widths the line wraps after the score.)
wait_for "Score: 1/3 (33%), 1 skipped;"
wait_for "EXIT=130"
if screen | grep -q "Traceback"; then fail "a traceback was shown"; fi
[[ "$(wc -l <"$LAORUS_HOME/history.jsonl")" -eq 3 ]] || fail "history does not hold 3 answers"
echo "----- what a person saw -----"
screen | sed -e '/^EXIT=/q'

# A choice question: "e" is no option on a-d, so the quiz asks again; then the right letter.
CHOICE=(quiz --mode choice --seed 3 --count 1 --category visits)
$LAORUS "${CHOICE[@]}" --answer-key --json >"$WORK/choice.json"
LETTER="$("$PYTHON" -c 'import json,sys; q=json.load(open(sys.argv[1]))[0]; print("abcd"[q["choices"].index(q["answer"])])' "$WORK/choice.json")"
# Keep the private server alive between the two sessions: one that exits when its last session
# is killed races with the next new-session ("server exited unexpectedly").
tmx set-option -g exit-empty off
tmx kill-session -t "$SESSION"
tmx new-session -d -s "$SESSION" -x "$WIDTH" -y 50 \
    "env LAORUS_HOME='$LAORUS_HOME' $LAORUS ${CHOICE[*]}; echo \"EXIT=\$?\"; $LAORUS stats; sleep 60"
wait_for "a-d, 1-4 or the text"
tmx send-keys -t "$SESSION" -l "e"
tmx send-keys -t "$SESSION" Enter
wait_for "There is no option e:"
tmx send-keys -t "$SESSION" -l "$LETTER"
tmx send-keys -t "$SESSION" Enter
wait_for "✓ Right"
wait_for "Score: 1/1 (100%)"
wait_for "EXIT=0"
wait_for "Store: Russia and Laos"
wait_for "Answered: 4 (4 different questions)"
wait_for "Accuracy by category"
if screen | grep -q "Traceback"; then fail "a traceback was shown"; fi
echo "----- the choice question and the stats -----"
screen
echo "tmux_quiz.sh: all checks passed"
