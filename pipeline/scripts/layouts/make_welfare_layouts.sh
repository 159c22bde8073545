#!/usr/bin/env bash
# Writes the welfare robustness layouts (see make_welfare_layouts.py) and checks them.
# Each layout is written as .xlsx by the Python script, then LibreOffice saves every workbook as
# .xls (MS Excel 97) and every sheet as CSV (<workbook>-<sheet>.csv, shown as formatted), in
# CP932 or in UTF-8 with a BOM as the layout says.
# Usage: pipeline/scripts/layouts/make_welfare_layouts.sh   (LO_PROFILE overrides the profile dir)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
truth=$root/pipeline/src/test/resources/truth
out=$root/pipeline/src/test/resources/fixtures/layouts/welfare
profile=${LO_PROFILE:-/tmp/lo-lwelf}
py=/usr/bin/python3

convert() { # filter outdir files...
  local filter=$1 dir=$2
  shift 2
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to "$filter" \
    --outdir "$dir" "$@" >/dev/null 2>&1
}

mkdir -p "$out"
find "$out" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9]-*' -exec rm -rf {} +
"$py" "$here/make_welfare_layouts.py" generate "$truth" "$out"

"$py" "$here/make_welfare_layouts.py" list | while read -r layout encoding; do
  dir=$out/$layout
  mkdir -p "$dir/xls" "$dir/csv"
  case $encoding in
    cp932) charset=60 ;;     # LibreOffice's Japanese (Windows-932)
    utf8bom) charset=76 ;;   # UTF-8; the BOM Excel writes is added below
  esac
  convert "xls:MS Excel 97" "$dir/xls" "$dir"/xlsx/*.xlsx
  # 44,34: comma and double quote; 1: first line; false,true,true: no quoting of all text,
  # detect numbers, save as shown; -1: every sheet into <workbook>-<sheet>.csv
  convert "csv:Text - txt - csv (StarCalc):44,34,$charset,1,,0,false,true,true,false,false,-1" \
    "$dir/csv" "$dir"/xlsx/*.xlsx
  if [ "$encoding" = utf8bom ]; then
    "$py" "$here/make_welfare_layouts.py" bom "$dir/csv"
  fi
  echo "$layout: $(ls "$dir/xls" | wc -l) xls, $(ls "$dir/csv" | wc -l) csv ($encoding)"
done

"$py" "$here/make_welfare_layouts.py" readme > "$out/README.md"
"$py" "$here/check_welfare_layouts.py" "$truth" "$out" "$profile"
find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s " bytes in " NR " files" }'
