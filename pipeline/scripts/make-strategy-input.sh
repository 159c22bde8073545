#!/usr/bin/env bash
# Regenerates the sample 総合戦略 効果検証 submissions (fiscal 2024, one workbook per 基本目標) in input/
# from the truth tables in the test resources, and the format fixtures of the strategy tests.
# The .xlsx files are written by StrategySampleWorkbooks (POI); the legacy .xls and the CP932 CSV
# are converted from them by LibreOffice, the way the office software of a department saves them.
# Needs: Java 17, Maven, LibreOffice (apt-get install libreoffice-calc-nogui).
# Leaves the 施策評価シート files in input/ alone (see make-sample-input.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv_filter='csv:Text - txt - csv (StarCalc):44,34,64,1,,0,false,true,true,false,false,-1'

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$work/cp.txt")" \
    jp.evalsheet.samples.StrategySampleWorkbooks "$work/xlsx"

base=R6_総合戦略効果検証_基本目標
rm -f input/"$base"*
cp "$work/xlsx/${base}1.xlsx" "$work/xlsx/${base}2.xlsx" input/
# 基本目標3 comes back from a department that still saves in the Excel 97-2003 format
soffice --headless --convert-to xls --outdir input "$work/xlsx/${base}3.xlsx" >/dev/null
# 基本目標4 is exported as CSV in Shift_JIS (CP932; token 64): the merges are lost, — becomes ―
soffice --headless --convert-to "$csv_filter" --outdir "$work/csv4" "$work/xlsx/${base}4.xlsx" >/dev/null
mv "$work/csv4/"*.csv "input/${base}4.csv"
ls -l input

# Test fixtures: every goal in every format, for the format-equivalence test.
fixtures=pipeline/src/test/resources/fixtures/strategy/formats
rm -rf "$fixtures" && mkdir -p "$fixtures/xlsx" "$fixtures/xls" "$fixtures/csv"
for goal in 1 2 3 4; do
    cp "$work/xlsx/${base}${goal}.xlsx" "$fixtures/xlsx/"
    soffice --headless --convert-to xls --outdir "$fixtures/xls" "$work/xlsx/${base}${goal}.xlsx" >/dev/null
    soffice --headless --convert-to "$csv_filter" --outdir "$work/csv$goal-all" "$work/xlsx/${base}${goal}.xlsx" >/dev/null
    mv "$work/csv$goal-all/"*.csv "$fixtures/csv/${base}${goal}.csv"
done
ls -l "$fixtures"/*
