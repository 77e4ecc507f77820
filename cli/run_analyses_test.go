package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/report"
)

func TestRunAnalysesFlags(t *testing.T) {
	dir := t.TempDir()
	few := []string{"--iterations", "200", "--seed", "7"}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // substrings of stderr
	}{
		{name: "sensitivity", args: []string{"--sensitivity"},
			stderr: []string{"Baseline: sensitivity: mean total need £", "swings most with unit_cost.acute", "19 runs of 200 iterations"}},
		{name: "goal seek where capacity binds", args: []string{"--goal-seek"},
			stderr: []string{"Baseline: no envelope uplift reaches P ≥ 80% by 2023-24", "delivery capacity binds: only 80 trusts can start a year"}},
		{name: "goal seek on both levers", args: []string{"--goal-seek", "--goal-lever", "both", "--goal-p", "0.5", "--set", "capacity_starts=250"},
			stderr: []string{"Baseline: to reach P ≥ 50% by 2023-24: +£", "a year on the national envelope", "--set envelope_uplift_m=", "no capacity reaches P ≥ 50%"}},
		{name: "goal p out of range", args: []string{"--goal-seek", "--goal-p", "1.5"}, code: 2, stderr: []string{"--goal-p 1.5"}},
		{name: "unknown lever", args: []string{"--goal-seek", "--goal-lever", "money"}, code: 2, stderr: []string{`--goal-lever "money"`}},
		{name: "bad tolerance", args: []string{"--goal-seek", "--goal-tolerance", "-1"}, code: 2, stderr: []string{"--goal-tolerance -1"}},
		{name: "goal flag without goal seek", args: []string{"--goal-p", "0.9"}, code: 2, stderr: []string{"--goal-p applies only with --goal-seek"}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strconv.Itoa(i)+".json")
			args := slices.Concat([]string{"run", "--out", out}, few, tc.args)
			code, _, stderr := runCLI(t, context.Background(), args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q does not mention %q", stderr, want)
				}
			}
			if _, err := os.Stat(out); (err == nil) != (tc.code == 0) {
				t.Errorf("output written: %v, want %v", err == nil, tc.code == 0)
			}
		})
	}
}

// TestRunAnalysesReproduce checks that the goal-seek answer in the workbook,
// added to the recorded command as --set, reproduces its probability, and
// that the Sensitivity sheet is there.
func TestRunAnalysesReproduce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	base := []string{"--iterations", "300", "--seed", "3", "--set", "capacity_starts=250", "-q"}
	code, _, stderr := runCLI(t, context.Background(), slices.Concat([]string{"run", "--out", path, "--sensitivity", "--goal-seek", "--goal-p", "0.6"}, base)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("--quiet printed %q", stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), report.SheetSensitivity) {
		t.Errorf("sheets %v: no %s", f.GetSheetList(), report.SheetSensitivity)
	}
	rows, err := f.GetRows(report.SheetGoalSeek, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var header, answer []string
	for i, r := range rows {
		if len(r) > 0 && r[0] == "scenario" {
			header, answer = r, rows[i+1]
			break
		}
	}
	col := func(name string) string { return answer[slices.Index(header, name)] }
	if col("lever") != "envelope_uplift_m" || col("reached") != "yes" || !strings.HasPrefix(col("reproduce"), "--set envelope_uplift_m=") {
		t.Fatalf("goal seek row %v", answer)
	}
	code, stdout, stderr := runCLI(t, context.Background(), slices.Concat([]string{"run", "--out", "-"}, base, strings.Fields(col("reproduce")))...)
	if code != 0 {
		t.Fatalf("reproducing: exit %d: %s", code, stderr)
	}
	var doc report.JSONDocument
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables {
		if tb.Name != "headline" {
			continue
		}
		want, err := strconv.ParseFloat(col("p"), 64)
		if got := tb.Rows[0][2].(float64); err != nil || got != want {
			t.Errorf("re-run P(all core) %v, goal seek's %s", got, col("p"))
		}
		return
	}
	t.Fatal("no headline table")
}

// run --frontier and --goal-lever phased write their tables and summary
// lines, the phased answer is set beside the uniform one over the same
// years, and its --set lines reproduce its P.
func TestRunFrontierAndPhased(t *testing.T) {
	out := filepath.Join(t.TempDir(), "f.json")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "400", "--frontier", "--frontier-uplift-steps", "4",
		"--frontier-capacity-min", "100", "--frontier-capacity-max", "300", "--frontier-capacity-steps", "3", "--goal-p", "0.5", "--out", out)
	if code != 0 || !strings.Contains(stderr, "frontier:") || !strings.Contains(stderr, "least uplift for P ≥ 50% by capacity: 100 starts") {
		t.Fatalf("frontier: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"frontier"`, `"frontier_line"`, `"price_of_confidence"`} {
		if !strings.Contains(string(b), name) {
			t.Errorf("the JSON has no %s table", name)
		}
	}
	out2 := filepath.Join(t.TempDir(), "p.json")
	code, _, stderr = runCLI(t, context.Background(), "run", "--iterations", "400", "--set", "capacity_starts=250", "--goal-seek",
		"--goal-lever", "phased", "--goal-objective", "pv", "--goal-p", "0.6", "--goal-tolerance", "10", "--out", out2)
	if code != 0 || !strings.Contains(stderr, "(phased, least pv): add ") {
		t.Fatalf("phased: exit %d\n%s", code, stderr)
	}
	// The uniform answer beside it counts the table's years only.
	if !strings.Contains(stderr, "a year, £3.00bn over the same years, 2019-20 to 2023-24") {
		t.Errorf("the uniform answer's years are not stated: %s", stderr)
	}
	// The P and present value after the uniform answer are the phased
	// answer's, and say so.
	if !regexp.MustCompile(`\(phased: P = \d+\.\d%, PV £[\d.,]+(m|bn)\)`).MatchString(stderr) {
		t.Errorf("the phased answer's P and PV are not named as its own: %s", stderr)
	}
	i := strings.Index(stderr, "reproduce with ")
	sets := strings.Fields(strings.SplitN(stderr[i+len("reproduce with "):], "\n", 2)[0])
	args := append([]string{"run", "--iterations", "400", "--set", "capacity_starts=250", "--out", filepath.Join(t.TempDir(), "r.json")}, sets...)
	code, _, stderr2 := runCLI(t, context.Background(), args...)
	m := regexp.MustCompile(`P = (\d+\.\d)%`).FindStringSubmatch(stderr)
	if code != 0 || m == nil || !strings.Contains(stderr2, "P(all core by 2023-24) "+m[1]+"%") {
		t.Errorf("the --set lines do not reproduce P %v: %s", m, stderr2)
	}
	for _, bad := range [][]string{{"--goal-objective", "pv"}, {"--frontier-uplift-steps", "4"}, {"--goal-seek", "--goal-p", "1"}, {"--frontier", "--frontier-capacity-min", "300", "--frontier-capacity-max", "100"}} {
		if code, _, _ := runCLI(t, context.Background(), append([]string{"run", "--out", filepath.Join(t.TempDir(), "x.json")}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}
