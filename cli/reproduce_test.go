package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/report"
)

// shellWords splits a command line as a POSIX shell would for the quoting
// quoteArg writes: words separated by spaces, single quotes around a word,
// and '\” for a quote inside one.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\'':
			quoted = false
		case quoted:
			cur.WriteByte(c)
		case c == '\'':
			quoted, inWord = true, true
		case c == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			inWord = true
		case c == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unclosed quote in %q", line)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// recordedCommand reads the Manifest's command from an export of any format.
func recordedCommand(t *testing.T, format report.Format, b []byte) string {
	t.Helper()
	switch format {
	case report.XLSX:
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(report.SheetManifest)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if len(r) > 1 && r[0] == "command" {
				return r[1]
			}
		}
	case report.CSV:
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		r, err := zr.Open("manifest.csv")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		recs, err := csv.NewReader(r).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			if rec[0] == "command" {
				return rec[1]
			}
		}
	case report.JSON:
		var doc report.JSONDocument
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, tb := range doc.Tables {
			for _, r := range tb.Rows {
				if tb.Name == "manifest" && r[0] == "command" {
					return r[1].(string)
				}
			}
		}
	}
	t.Fatalf("%s export records no command", format)
	return ""
}

// TestRecordedCommandReproducesToTheByte runs corecast, reads the command
// its Manifest records, runs that command and gets the same file to the
// byte, in every format: the command keeps the format, the --out path as
// given, the --set flags, the scenario files and the analyses, and
// SOURCE_DATE_EPOCH fixes every date.
func TestRecordedCommandReproducesToTheByte(t *testing.T) {
	t.Setenv(report.SourceDateEpochVar, "1709285400")
	dir := t.TempDir()
	tests := []struct {
		name   string
		format report.Format
		args   []string
		want   []string // in the recorded command
	}{
		{"xlsx with analyses", report.XLSX,
			[]string{"--iterations", "120", "--seed", "5", "--set", "capacity_starts=150", "--set", "unit_cost.acute.mode=2.1",
				"--sensitivity", "--goal-seek", "--goal-p", "0.5", "--out", filepath.Join(dir, "a.xlsx")},
			[]string{"--set capacity_starts=150 --set unit_cost.acute.mode=2.1", "--sensitivity --goal-seek --goal-p 0.5", "--out " + filepath.Join(dir, "a.xlsx")}},
		{"csv zip of two scenarios", report.CSV,
			[]string{"--scenario", examplePath("baseline.toml"), "--scenario", examplePath("faster-deployment.toml"),
				"--iterations", "90", "--set", "envelope_uplift_m=25", "--out", filepath.Join(dir, "b.zip")},
			[]string{"--scenario " + examplePath("baseline.toml") + " --scenario " + examplePath("faster-deployment.toml"), "--set envelope_uplift_m=25", "--out " + filepath.Join(dir, "b.zip")}},
		{"json named by --format", report.JSON,
			[]string{"--iterations", "70", "--seed", "9", "--format", "json", "--out", filepath.Join(dir, "c.out")},
			[]string{"--iterations 70 --seed 9", "--format json --out " + filepath.Join(dir, "c.out")}},
		{"xlsx without the distribution", report.XLSX,
			[]string{"--iterations", "60", "--no-distribution", "--out", filepath.Join(dir, "d.xlsx")},
			[]string{"--iterations 60", "--no-distribution --out " + filepath.Join(dir, "d.xlsx")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.args[len(tc.args)-1]
			code, _, stderr := runCLI(t, context.Background(), append([]string{"run", "-q"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			first, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			command := recordedCommand(t, tc.format, first)
			for _, w := range tc.want {
				if !strings.Contains(command, w) {
					t.Errorf("command %q lacks %q", command, w)
				}
			}
			words := shellWords(t, command)
			if len(words) < 2 || words[0] != "corecast" || words[1] != "run" || words[len(words)-2] != "--out" || words[len(words)-1] != out {
				t.Fatalf("command %q does not end --out %s", command, out)
			}
			if err := os.Remove(out); err != nil {
				t.Fatal(err)
			}
			code, _, stderr = runCLI(t, context.Background(), append(words[1:], "-q")...)
			if code != 0 {
				t.Fatalf("the recorded command exits %d: %s", code, stderr)
			}
			again, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, again) {
				t.Errorf("the recorded command wrote a different file (%d bytes, then %d)", len(first), len(again))
			}
		})
	}
}

// TestRecordedCommandToStdout checks a JSON run to stdout records --out -.
func TestRecordedCommandToStdout(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), "run", "--iterations", "40", "--out", "-", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if command := recordedCommand(t, report.JSON, []byte(stdout)); !strings.HasSuffix(command, " --out -") {
		t.Errorf("command %q, want it to end --out -", command)
	}
}

// TestBadSourceDateEpoch checks a malformed SOURCE_DATE_EPOCH is a usage
// error that names it, and nothing is written.
func TestBadSourceDateEpoch(t *testing.T) {
	t.Setenv(report.SourceDateEpochVar, "yesterday")
	out := filepath.Join(t.TempDir(), "r.xlsx")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "40", "--out", out)
	if code != ExitInvalid || !strings.Contains(stderr, report.SourceDateEpochVar) {
		t.Errorf("exit %d, stderr %q; want %d naming %s", code, stderr, ExitInvalid, report.SourceDateEpochVar)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written", out)
	}
}
