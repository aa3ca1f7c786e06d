#!/usr/bin/env bash
# Make .ci/venv with the Ralph LRS (ralph-malph) that the LRS tests start, when it is
# not there yet (docs/workshop.md). Needs python3 with its venv module, and the
# network once. Used by .ci/run and by the tests themselves (tests/it/support/lrs.rs), so that
# `cargo test --locked` works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# `ralph` is written last by pip: without it the venv is incomplete, start again.
if [ -x .ci/venv/bin/ralph ]; then
  exit 0
fi
rm -rf .ci/venv
python3 -m venv .ci/venv
.ci/venv/bin/pip install -q "ralph-malph[cli,lrs]" requests
