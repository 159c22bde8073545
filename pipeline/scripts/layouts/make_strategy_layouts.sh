#!/usr/bin/env bash
# Regenerates the strategy (総合戦略 効果検証) layout fixtures and checks that every format of every
# layout shows the whole truth. Needs /usr/bin/python3 with openpyxl and LibreOffice (soffice).
#   make_strategy_layouts.sh [OUT_DIR]   default: pipeline/src/test/resources/fixtures/layouts/strategy
#   LO_PROFILE=/tmp/lo-me make_strategy_layouts.sh   to give LibreOffice its own profile directory
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../src/test/resources/fixtures/layouts/strategy}"
/usr/bin/python3 "$here/make_strategy_layouts.py" "$out"
/usr/bin/python3 "$here/check_strategy_layouts.py" "$out"
