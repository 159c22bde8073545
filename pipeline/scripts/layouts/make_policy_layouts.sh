#!/usr/bin/env bash
# Regenerates the 施策評価シート layout suite under
# pipeline/src/test/resources/fixtures/layouts/policy/: the .xlsx from the truth CSVs (Python, openpyxl),
# then .xls and one CSV per sheet converted by LibreOffice, then checks every format against the truth.
# Needs /usr/bin/python3 with openpyxl and soffice. LO_PROFILE names the LibreOffice profile directory.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
truth="$root/pipeline/src/test/resources/truth"
out="$root/pipeline/src/test/resources/fixtures/layouts/policy"
python=/usr/bin/python3
profile="${LO_PROFILE:-/tmp/lo-lpol}"
soffice=(soffice "-env:UserInstallation=file://$profile" --headless)

# LibreOffice's CSV filter: comma, double quote, charset, from line 1, saved as shown, every sheet to
# its own file <workbook>-<sheet>.csv (last token -1). Charset 60 is MS-932 (CP932), 76 is UTF-8.
csv_filter() { echo "csv:Text - txt - csv (StarCalc):44,34,$1,1,,0,false,true,true,false,false,-1"; }

rm -rf "$out"
mkdir -p "$out"
"$python" "$here/make_policy_layouts.py" "$truth" "$out"

while IFS=$'\t' read -r name encoding; do
    dir="$out/$name"
    mkdir -p "$dir/xls" "$dir/csv"
    "${soffice[@]}" --convert-to 'xls:MS Excel 97' --outdir "$dir/xls" "$dir"/xlsx/*.xlsx >/dev/null 2>&1
    if [ "$encoding" = cp932 ]; then charset=60; else charset=76; fi
    "${soffice[@]}" --convert-to "$(csv_filter "$charset")" --outdir "$dir/csv" "$dir"/xlsx/*.xlsx >/dev/null 2>&1
    if [ "$encoding" = utf-8-bom ]; then
        # LibreOffice 7.4 writes UTF-8 without a BOM; Excel's "CSV UTF-8" has one.
        for f in "$dir"/csv/*.csv; do
            printf '\xef\xbb\xbf' | cat - "$f" > "$f.tmp" && mv "$f.tmp" "$f"
        done
    fi
    echo "$name: $(ls "$dir/xlsx" | wc -l) xlsx, $(ls "$dir/xls" | wc -l) xls, $(ls "$dir/csv" | wc -l) csv ($encoding)"
done < <("$python" "$here/make_policy_layouts.py" --list)

"$python" "$here/check_policy_layouts.py" "$truth" "$out" "${soffice[@]}"
du -sh "$out"
