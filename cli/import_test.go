package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// analystSheets is goodSheets as a finance team keeps it: a title row,
// headings of their own, opex in £000 and a Totals row.
func analystSheets() map[string][][]any {
	s := goodSheets()
	trusts := [][]any{{"Trusts and digital maturity, 2019-20"}, {"Org Code", "Trust name", "Trust type", "Region", "Opex (£000)", "DMA score"}}
	for _, r := range s["Trusts"][1:] {
		r = append([]any(nil), r...)
		r[4] = r[4].(int) * 1000
		trusts = append(trusts, r[:6])
	}
	s["Trusts"] = trusts
	return s
}

// validate, run and the root command read an analyst's workbook and say
// what they converted: validate prints notes after the verdict, run prints
// them on stderr (not with --quiet) and the export carries them.
func TestImportNotesEverywhere(t *testing.T) {
	path := book(t, analystSheets())
	code, out, errOut := run(t, Options{}, "validate", path)
	if code != 0 || !strings.HasPrefix(out, "ok: ") || !strings.Contains(out, "note: "+path+": sheet Trusts: row 1 above the header (row 2) skipped") ||
		!strings.Contains(out, "amounts in £000 (from its heading) divided by 1,000 to £m") {
		t.Fatalf("validate: code %d\n%s\n%s", code, out, errOut)
	}
	jsonOut := filepath.Join(t.TempDir(), "r.json")
	code, _, errOut = run(t, Options{}, "run", "--input", path, "--iterations", "200", "--out", jsonOut)
	if code != 0 || !strings.Contains(errOut, "corecast: 2 import notes on how "+path+" was read:") {
		t.Fatalf("run: code %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(jsonOut)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"import_notes"`) || !strings.Contains(string(b), "divided by 1,000 to £m") {
		t.Errorf("JSON export lacks the import notes")
	}
	code, _, errOut = run(t, Options{}, "run", "--quiet", "--input", path, "--iterations", "200", "--out", filepath.Join(t.TempDir(), "q.json"))
	if code != 0 || errOut != "" {
		t.Errorf("run --quiet: code %d, stderr %q", code, errOut)
	}
}

// --map names columns the built-in names do not match, in every command
// that reads an input; without an input it is a usage error.
func TestMapFlag(t *testing.T) {
	s := goodSheets()
	s["Trusts"][0][4] = "Spend 19/20"
	path := book(t, s)
	code, out, _ := run(t, Options{}, "validate", path)
	if code != 2 || !strings.Contains(out, `column opex_m: missing; want a column named opex_m`) {
		t.Fatalf("without a map: code %d\n%s", code, out)
	}
	mapPath := writeText(t, "map.toml", "[trusts]\nopex_m = \"Spend 19/20\"\n")
	if code, out, errOut := run(t, Options{}, "validate", "--map", mapPath, path); code != 0 {
		t.Fatalf("with a map: code %d\n%s%s", code, out, errOut)
	}
	var got Session
	if code, _, errOut := run(t, Options{RunTUI: captureTUI(&got)}, "--input", path, "--map", mapPath); code != 0 || len(got.Inputs.Trusts) == 0 || got.MapPath != mapPath {
		t.Fatalf("root: code %d, %s", code, errOut)
	}
	if code, _, errOut := run(t, Options{}, "run", "--input", path, "--map", mapPath, "--iterations", "100", "--out", filepath.Join(t.TempDir(), "r.json")); code != 0 {
		t.Fatalf("run: code %d, %s", code, errOut)
	}
	if code, _, errOut := run(t, Options{}, "--map", mapPath); code != 2 || !strings.Contains(errOut, "applies to an --input workbook") {
		t.Errorf("map without input: code %d, %s", code, errOut)
	}
	bad := writeText(t, "bad.toml", "[trusts]\nopex = \"x\"\n")
	if code, out, _ := run(t, Options{}, "validate", "--map", bad, path); code != 2 || !strings.Contains(out, "bad.toml: [trusts] opex is not a column of Trusts") {
		t.Errorf("bad map: code %d, %s", code, out)
	}
}

// validate checks every argument, even after one cannot be read.
func TestValidateEveryArgument(t *testing.T) {
	good := book(t, goodSheets())
	badScenario := writeText(t, "bad.toml", "capacity_starts = \"many\"\n")
	code, out, _ := run(t, Options{}, "validate", good, filepath.Join(t.TempDir(), "missing.xlsx"), badScenario)
	if code != 2 || !strings.Contains(out, "ok: "+good) || !strings.Contains(out, "missing.xlsx") || !strings.Contains(out, "bad.toml") {
		t.Errorf("code %d\n%s", code, out)
	}
}

// validate refuses observations that contradict the inputs, as run does.
func TestValidateObservations(t *testing.T) {
	s := goodSheets()
	s["Observed"] = [][]any{{"code", "year", "maturity"}, {"RAA", "2019-20", 90}}
	path := book(t, s)
	code, out, _ := run(t, Options{}, "validate", path)
	if code != 2 || !strings.Contains(out, "RAA") {
		t.Errorf("code %d\n%s", code, out)
	}
	s["Observed"] = [][]any{{"code", "year", "maturity"}, {"RAA", "2021-22", 90}}
	if code, out, _ := run(t, Options{}, "validate", book(t, s)); code != 0 {
		t.Errorf("a later observation: code %d\n%s", code, out)
	}
}
