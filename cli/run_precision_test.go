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

	"corecast/report"
)

// jsonTable returns the named table of a JSON export.
func jsonTable(t *testing.T, path, name string) report.JSONTable {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc report.JSONDocument
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables {
		if tb.Name == name {
			return tb
		}
	}
	t.Fatalf("%s has no %s table", path, name)
	return report.JSONTable{}
}

// manifestField returns the first run's value of a Manifest field.
func manifestField(t *testing.T, path, field string) any {
	t.Helper()
	for _, r := range jsonTable(t, path, "manifest").Rows {
		if r[0] == field {
			return r[1]
		}
	}
	t.Fatalf("%s: no %s row in the Manifest", path, field)
	return nil
}

// run --precision says on stderr, in the Manifest and on the Summary how
// many iterations it used and the errors reached; its export is that of
// a plain run of those iterations; the command it records reproduces the
// export to the byte; and verify checks it.
func TestRunToPrecision(t *testing.T) {
	t.Setenv(report.SourceDateEpochVar, "1700000000")
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "precise.json")
	code, _, stderr := runCLI(t, ctx, "run", "--iterations", "64", "--seed", "3", "--precision", "0.02",
		"--max-iterations", "512", "--no-distribution", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`Baseline: run to precision 0.02: ([0-9,]+) iterations \(tried 64, [0-9, ]+;.*standard error of mean total need [0-9.e-]+% of the mean, of P\(all core\) [0-9.e-]+ points; (reached|not reached)`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("stderr says nothing of the precision:\n%s", stderr)
	}
	n := strings.ReplaceAll(m[1], ",", "")
	if got := manifestField(t, out, "iterations"); got != json.Number(n) && got != float64(atoi(t, n)) {
		t.Errorf("Manifest iterations %v, stderr says %s", got, n)
	}
	if note, _ := manifestField(t, out, report.FieldPrecision).(string); !strings.HasPrefix(note, "run to precision 0.02: "+m[1]+" iterations") {
		t.Errorf("Manifest precision %q", note)
	}
	found := false
	for _, r := range jsonTable(t, out, "headline").Rows {
		if r[1] == "Iterations" { // after the scenario's name
			found = strings.Contains(r[4].(string), "run to precision 0.02")
		}
	}
	if !found {
		t.Error("the Summary's Iterations row does not say how they were chosen")
	}

	plain := filepath.Join(dir, "plain.json")
	if code, _, stderr := runCLI(t, ctx, "run", "-q", "--iterations", n, "--seed", "3", "--no-distribution", "--out", plain); code != 0 {
		t.Fatalf("plain run: %s", stderr)
	}
	for _, table := range []string{"summary", "by_year", "by_trust"} {
		a, _ := json.Marshal(jsonTable(t, out, table).Rows)
		b, _ := json.Marshal(jsonTable(t, plain, table).Rows)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from a plain run of %s iterations", table, n)
		}
	}

	command, _ := manifestField(t, out, "command").(string)
	again := filepath.Join(dir, "again.json")
	args := strings.Fields(strings.Replace(strings.TrimPrefix(command, "corecast "), out, again, 1))
	if code, _, stderr := runCLI(t, ctx, append(args, "-q")...); code != 0 {
		t.Fatalf("the recorded command %q: %s", command, stderr)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(bytes.Replace(b, []byte(again), []byte(out), -1), a) {
		t.Errorf("the recorded command %q does not reproduce the export", command)
	}
	if code, stdout, stderr := runCLI(t, ctx, "verify", out); code != 0 {
		t.Errorf("verify: exit %d\n%s%s", code, stdout, stderr)
	}
}

// --max-iterations needs --precision, and a precision must be a fraction.
func TestRunPrecisionRefused(t *testing.T) {
	for _, args := range [][]string{
		{"--max-iterations", "1000"},
		{"--precision", "0"},
		{"--precision", "1.5"},
		{"--precision", "0.01", "--iterations", "2000", "--max-iterations", "1000"},
	} {
		out := filepath.Join(t.TempDir(), "r.json")
		code, _, stderr := runCLI(t, context.Background(), append([]string{"run", "--out", out}, args...)...)
		if code != ExitInvalid || !strings.Contains(stderr, "-iterations") && !strings.Contains(stderr, "--precision") {
			t.Errorf("%v: exit %d, %q; want a usage error naming the flag", args, code, stderr)
		}
	}
}

// atoi reads a whole number the test wrote.
func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("%q is not a whole number", s)
		}
		n = 10*n + int(r-'0')
	}
	return n
}
