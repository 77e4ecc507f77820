#!/usr/bin/env bash
# Writes data/testdata/libreoffice: the import corpus's layouts as analysts
# write them, each opened and saved by LibreOffice, so that the tests read
# LibreOffice's own XML (its shared strings, styles, merges, fonts, and the
# values of the formulas it calculated) as well as excelize's.
# Needs LibreOffice (soffice) on the PATH; run from the repository's root.
set -euo pipefail
out=data/testdata/libreoffice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test ./data -run 'TestImportCorpus$' -count=1 -corpus-out "$tmp/excelize" >/dev/null
# The layouts of DESIGN §3 "Also read, as analysts write them".
names=$(go test ./data -run 'TestListCorpusAsWritten' -count=1 -v -list-corpus | sed -n 's/^corpus: //p')
mkdir -p "$tmp/in" "$out"
for n in $names; do
	cp "$tmp/excelize/$n.xlsx" "$tmp/in/"
done
soffice --headless --norestore --convert-to xlsx --outdir "$tmp/lo" "$tmp"/in/*.xlsx >/dev/null 2>&1
rm -f "$out"/*.xlsx
cp "$tmp"/lo/*.xlsx "$out/"
ls "$out" | wc -l
