package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/internal/specialfiles"
	"corecast/report"
)

// verified matches the line of an export that verifies.
var verified = regexp.MustCompile(`^verified: [0-9,]+ figures in [0-9]+ sheets( \([0-9]+ tables\))? reproduced exactly \(and [0-9,]+ text cells; run dates and times not compared\)\n$`)

// Every format that corecast run writes verifies, with analyses and
// without, and with --no-distribution.
func TestVerifyCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	analyses := []string{"--sensitivity", "--goal-seek", "--goal-lever", "phased", "--frontier",
		"--frontier-uplift-steps", "3", "--frontier-capacity-steps", "2"}
	for _, c := range []struct {
		out  string
		args []string
	}{
		{"plain.xlsx", nil},
		{"analysed.xlsx", analyses},
		{"two.zip", []string{"--scenario", examplePath("baseline.toml"), "--scenario", examplePath("faster-deployment.toml"), "--goal-seek", "--goal-lever", "both"}},
		{"csvdir", []string{"--no-distribution"}},
		{"analysed.json", append([]string{"--no-distribution"}, analyses...)},
	} {
		t.Run(c.out, func(t *testing.T) {
			path := filepath.Join(dir, c.out)
			args := append([]string{"run", "-q", "--iterations", "200", "--out", path}, c.args...)
			if code, _, errOut := runCLI(t, ctx, args...); code != 0 {
				t.Fatalf("run: exit %d: %s", code, errOut)
			}
			code, out, errOut := runCLI(t, ctx, "verify", path)
			if code != 0 || !verified.MatchString(out) || errOut != "" {
				t.Errorf("verify %s: exit %d\nstdout %q\nstderr %q", c.out, code, out, errOut)
			}
		})
	}
}

// A changed number is named with the sheet and cell, the value stored and
// the value recomputed, and verify exits 1; a file from another version
// says so and is checked all the same; a file that is not an export
// (an input workbook, nothing, a directory, a pipe or a device) exits 2.
func TestVerifyCommandFindsChanges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "results.xlsx")
	if code, _, errOut := runCLI(t, ctx, "run", "-q", "--iterations", "200", "--out", xlsx); code != 0 {
		t.Fatalf("run: %s", errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	cell := summaryMeanCell(t, f)
	stored, err := f.GetCellValue(report.SheetSummary, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(report.SheetSummary, cell, 1234.5); err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "changed.xlsx")
	if err := f.SaveAs(changed); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := runCLI(t, ctx, "verify", changed)
	want := "Summary!" + cell + ": stored 1234.5, recomputed " + stored + "\n"
	if code != ExitFailure || !strings.HasPrefix(out, want) || !strings.Contains(out, "not verified: 1 difference;") ||
		!strings.Contains(errOut, "changed.xlsx is not what its inputs, scenarios and seeds give: 1 difference") {
		t.Errorf("exit %d\nstdout %q\nstderr %q\nwant stdout to start %q", code, out, errOut, want)
	}

	jsonPath := filepath.Join(dir, "results.json")
	if code, _, errOut := runCLI(t, ctx, "run", "-q", "--iterations", "200", "--out", jsonPath); code != 0 {
		t.Fatalf("run: %s", errOut)
	}
	older := filepath.Join(dir, "older.json")
	editJSON(t, jsonPath, older, func(table string, row []any) {
		if table == "manifest" && row[0] == "corecast_version" {
			row[1] = "0.9.0"
		}
	})
	code, out, errOut = runCLI(t, ctx, "verify", older)
	if code != 0 || !verified.MatchString(out) || !strings.Contains(errOut, "was written by corecast 0.9.0; this is corecast test") {
		t.Errorf("another version: exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}

	sample := filepath.Join(dir, "sample.xlsx")
	if code, _, errOut := runCLI(t, ctx, "sample", sample); code != 0 {
		t.Fatal(errOut)
	}
	others := []string{sample, filepath.Join(dir, "none.xlsx")}
	for _, f := range specialfiles.Make(t, t.TempDir(), ".xlsx") {
		others = append(others, f.Path) // a pipe is never opened, so never waited on
	}
	for _, p := range others {
		if code, _, errOut := runCLI(t, ctx, "verify", p); code != ExitInvalid || !strings.HasPrefix(errOut, "corecast: ") {
			t.Errorf("verify %s: exit %d, %q; want 2", p, code, errOut)
		}
	}
}

// summaryMeanCell finds the cell of the first mean on the Summary sheet.
func summaryMeanCell(t *testing.T, f *excelize.File) string {
	t.Helper()
	rows, err := f.GetRows(report.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "mean" {
				name, _ := excelize.CoordinatesToCellName(c+1, r+2)
				return name
			}
		}
	}
	t.Fatal("no mean column on the Summary sheet")
	return ""
}

// editJSON copies a JSON export with each row of each table passed
// through edit, numbers kept as written.
func editJSON(t *testing.T, from, to string, edit func(table string, row []any)) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var doc report.JSONDocument
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables {
		for _, row := range tb.Rows {
			edit(tb.Name, row)
		}
	}
	nb, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, nb, 0o644); err != nil {
		t.Fatal(err)
	}
}

// run --input EXPORT --scenario-from EXPORT reads the export's inputs and
// scenarios, and with the recorded seed and iterations gives its numbers
// again: every table but those that name the input file. The TUI's
// session and validate read an export alike.
func TestRunFromExport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	runArgs := []string{"run", "-q", "--iterations", "200", "--seed", "11", "--scenario", examplePath("baseline.toml"),
		"--scenario", examplePath("faster-deployment.toml"), "--set", "envelope_uplift_m.2021-22=125.5"}
	ref := filepath.Join(dir, "reference.json")
	if code, _, errOut := runCLI(t, ctx, append(runArgs, "--out", ref)...); code != 0 {
		t.Fatalf("run: %s", errOut)
	}
	want := exportTables(t, ref)
	for _, ext := range []string{".xlsx", ".json", ".zip"} {
		t.Run(ext, func(t *testing.T) {
			first := filepath.Join(dir, "first"+ext)
			if code, _, errOut := runCLI(t, ctx, append(runArgs, "--out", first)...); code != 0 {
				t.Fatalf("run: %s", errOut)
			}
			again := filepath.Join(dir, "again"+ext+".json")
			code, _, errOut := runCLI(t, ctx, "run", "--input", first, "--scenario-from", first, "--out", again)
			if code != 0 || !strings.Contains(errOut, "is a corecast export: its Inputs sheet") {
				t.Fatalf("run from the export: exit %d: %s", code, errOut)
			}
			got := exportTables(t, again)
			for name, rows := range want {
				switch name {
				case "inputs_trusts", "inputs_funding", "inputs_observed", "import_notes", "manifest", "brief":
					continue // they name the input file, or say it was the embedded sample
				}
				if g, ok := got[name]; !ok || g != rows {
					t.Errorf("table %s differs from the first run's", name)
				}
			}
		})
	}
	first := filepath.Join(dir, "first.json")
	if code, _, errOut := runCLI(t, ctx, "run", "--scenario", examplePath("baseline.toml"), "--scenario-from", first, "--out", filepath.Join(dir, "x.json")); code != ExitInvalid || !strings.Contains(errOut, "give one") {
		t.Errorf("--scenario with --scenario-from: exit %d, %q", code, errOut)
	}
	code, out, errOut := runCLI(t, ctx, "validate", first)
	if code != 0 || !strings.HasPrefix(out, "ok: 217 trusts") || !strings.Contains(out, "is a corecast export") {
		t.Errorf("validate an export: exit %d, %q %q", code, out, errOut)
	}
	var s Session
	code, _, errOut = run(t, Options{RunTUI: captureTUI(&s)}, "--input", first, "--scenario-from", first)
	if code != 0 || len(s.Scenarios) != 2 || s.Scenarios[1].Name != "Faster deployment" || s.Scenarios[0].UpliftAt(2021) != 125.5 || len(s.Inputs.Trusts) != 217 {
		t.Errorf("the TUI's session from an export: exit %d (%s), %d scenarios, %d trusts", code, errOut, len(s.Scenarios), len(s.Inputs.Trusts))
	}
}

// exportTables reads a JSON export and returns each table's rows as JSON
// text.
func exportTables(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc report.JSONDocument
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, tb := range doc.Tables {
		rows, _ := json.Marshal(tb.Rows)
		out[tb.Name] = string(rows)
	}
	return out
}
