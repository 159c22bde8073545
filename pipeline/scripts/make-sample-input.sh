#!/usr/bin/env bash
# Regenerates the sample submissions in input/ from the truth tables in the test resources.
# The .xlsx files are written by PolicySampleWorkbooks (POI); the legacy .xls and the CP932 CSV
# are converted from them by LibreOffice, the way a department's office software saves them.
# Needs: Java 17, Maven, LibreOffice (apt-get install libreoffice-calc-nogui).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$work/cp.txt")" \
    jp.evalsheet.samples.PolicySampleWorkbooks "$work/xlsx"

rm -f input/R4_施策評価シート_*
# 地域づくり支援課 still saves in the Excel 97-2003 format
soffice --headless --convert-to xls --outdir input "$work/xlsx/R4_施策評価シート_地域づくり支援課.xlsx" >/dev/null
# 財政課 exports its one sheet as CSV in Shift_JIS (CP932); token 64 is LibreOffice's Shift_JIS
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,64,1,,0,false,true,true,false,false,-1' \
    --outdir "$work/csv" "$work/xlsx/R4_施策評価シート_財政課.xlsx" >/dev/null
mv "$work/csv/"*.csv "input/R4_施策評価シート_財政課.csv"
for department in 人権庶務課 政策企画課 シティ・プロモーション課 財産管理課; do
    cp "$work/xlsx/R4_施策評価シート_$department.xlsx" input/
done
ls -l input

# Test fixtures: one submission (人権庶務課, 4 sheets) in every format, for the format-equivalence
# test, and the invented next-year sheet of policy 611 for the multi-year test.
fixtures=pipeline/src/test/resources/fixtures/policy
rm -rf "$fixtures/formats" && mkdir -p "$fixtures/formats/xlsx" "$fixtures/formats/xls" "$fixtures/formats/csv"
cp "$work/xlsx/R4_施策評価シート_人権庶務課.xlsx" "$fixtures/formats/xlsx/"
soffice --headless --convert-to xls --outdir "$fixtures/formats/xls" "$work/xlsx/R4_施策評価シート_人権庶務課.xlsx" >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,64,1,,0,false,true,true,false,false,-1' \
    --outdir "$fixtures/formats/csv" "$work/xlsx/R4_施策評価シート_人権庶務課.xlsx" >/dev/null
mkdir -p "$fixtures/next-year"
java -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$work/cp.txt")" \
    jp.evalsheet.samples.NextYearTestSheet "$fixtures/next-year/R5_施策評価シート_人権庶務課_611_テストデータ.xlsx"
ls -l "$fixtures"/*
