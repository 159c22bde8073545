#!/usr/bin/env bash
# Regenerates the welfare plan sample submissions (第４期地域福祉計画・地域福祉活動計画 進行管理・評価シート,
# R5) in input/ from the truth tables in the test resources, and the format fixtures of the welfare tests.
# The .xlsx files are written by WelfareSampleWorkbooks (POI); the legacy .xls and the CP932 CSV are
# converted from them by LibreOffice, the way a section's office software saves them.
# Needs: Java 17, Maven, LibreOffice (apt-get install libreoffice-calc-nogui).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv_filter='csv:Text - txt - csv (StarCalc):44,34,64,1,,0,false,true,true,false,false,-1'

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$work/cp.txt")" \
    jp.evalsheet.samples.WelfareSampleWorkbooks "$work/xlsx"

rm -f input/R5_地域福祉計画評価シート_* input/R5_地域福祉計画_評価一覧.*
# 地域福祉推進課 and the planning office's overview: .xlsx as written
cp "$work/xlsx/R5_地域福祉計画評価シート_地域福祉推進課.xlsx" "$work/xlsx/R5_地域福祉計画_評価一覧.xlsx" input/
# 総務課 still saves in the Excel 97-2003 format
soffice --headless --convert-to xls --outdir input "$work/xlsx/R5_地域福祉計画評価シート_総務課.xlsx" >/dev/null
# 高齢者・児童福祉課 exports its sheets as CSV in Shift_JIS (CP932), one file per sheet:
# R5_地域福祉計画評価シート_高齢者・児童福祉課-(2)①.csv … (token 64 is LibreOffice's Shift_JIS)
soffice --headless --convert-to "$csv_filter" --outdir input \
    "$work/xlsx/R5_地域福祉計画評価シート_高齢者・児童福祉課.xlsx" >/dev/null
ls -l input

# Test fixtures: the submission of 地域福祉推進課 (29 sheets, all four merged-milestone sheets) in
# every format, for the format-equivalence tests and the test of what CSV loses.
fixtures=pipeline/src/test/resources/fixtures/welfare
rm -rf "$fixtures/formats" && mkdir -p "$fixtures/formats/xlsx" "$fixtures/formats/xls" "$fixtures/formats/csv"
cp "$work/xlsx/R5_地域福祉計画評価シート_地域福祉推進課.xlsx" "$fixtures/formats/xlsx/"
soffice --headless --convert-to xls --outdir "$fixtures/formats/xls" \
    "$work/xlsx/R5_地域福祉計画評価シート_地域福祉推進課.xlsx" >/dev/null
soffice --headless --convert-to "$csv_filter" --outdir "$fixtures/formats/csv" \
    "$work/xlsx/R5_地域福祉計画評価シート_地域福祉推進課.xlsx" >/dev/null
ls -l "$fixtures"/formats/*
