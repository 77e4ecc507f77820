package report

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/internal/specialfiles"
)

func TestOverwriteAndProtect(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	ctx := context.Background()
	dir := t.TempDir()
	input := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(input, []byte("input workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Link(input, link); err != nil {
		t.Skip("no hard links:", err)
	}
	csvInput := filepath.Join(dir, "csvbook")
	if err := os.Mkdir(csvInput, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		format  Format
		path    string
		opts    Options
		wantErr string // empty: success
		exist   bool   // the error matches fs.ErrExist
	}{
		{"new file", XLSX, filepath.Join(dir, "new.xlsx"), Options{}, "", false},
		{"existing file", XLSX, existing, Options{}, "already exists", true},
		{"existing file with force", XLSX, existing, Options{Force: true}, "", false},
		{"existing JSON", JSON, existing, Options{}, "already exists", true},
		{"input workbook", XLSX, input, Options{Force: true, Protect: []string{input}}, "is the input", false},
		{"input by relative path", XLSX, filepath.Join(dir, ".", "book.xlsx"), Options{Force: true, Protect: []string{input}}, "is the input", false},
		{"input by hard link", XLSX, link, Options{Force: true, Protect: []string{input}}, "is the input", false},
		{"CSV into input directory", CSV, csvInput, Options{Force: true, Protect: []string{csvInput}}, "is the input", false},
		{"input CSV file in input directory", JSON, filepath.Join(csvInput, "trusts.csv"), Options{Force: true, Protect: []string{csvInput}}, "is the input", false},
		{"missing directory", XLSX, filepath.Join(dir, "nope", "r.xlsx"), Options{}, "does not exist", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			err := Write(ctx, tc.path, tc.format, runs, tc.opts)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			if errors.Is(err, fs.ErrExist) != tc.exist {
				t.Errorf("errors.Is(fs.ErrExist) = %v", !tc.exist)
			}
			if after, _ := os.ReadFile(tc.path); string(after) != string(before) {
				t.Errorf("%s was changed", tc.path)
			}
			if cerr := Check(tc.path, tc.format, tc.opts); cerr == nil {
				t.Errorf("Check passed where Write failed")
			}
		})
	}
	if got, _ := os.ReadFile(input); string(got) != "input workbook" {
		t.Errorf("input workbook changed")
	}
}

func TestCSVDirectoryReplace(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	dir := filepath.Join(t.TempDir(), "out")
	ctx := context.Background()
	if err := WriteCSV(ctx, dir, runs, Options{}); err != nil {
		t.Fatal(err)
	}
	err := WriteCSV(ctx, dir, runs, Options{})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second write: %v, want an exists error", err)
	}
	if err := WriteCSV(ctx, dir, runs, Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	if n := len(specialfiles.Names(t, dir)); n != len(plainTables()) {
		t.Errorf("%d files, want %d", n, len(plainTables()))
	}
	if left := specialfiles.Names(t, filepath.Dir(dir)); len(left) != 1 {
		t.Errorf("left behind: %v", left)
	}
}

// TestCancelLeavesNothing cancels before and while writing, in every format,
// and checks that no output or temporary file is left.
func TestCancelLeavesNothing(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 3000))}
	for _, format := range Formats() {
		for _, when := range []string{"before", "while"} {
			t.Run(string(format)+" "+when, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "results."+string(format))
				if format == CSV {
					path = filepath.Join(dir, "results")
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				opts := Options{}
				if when == "before" {
					cancel()
				} else {
					opts.Progress = func(done, total int) {
						if done < total {
							cancel()
						}
					}
				}
				err := Write(ctx, path, format, runs, opts)
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("error %v, want context.Canceled", err)
				}
				if left := specialfiles.Names(t, dir); len(left) != 0 {
					t.Errorf("left behind: %v", left)
				}
			})
		}
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		path string
		want Format
		ok   bool
	}{
		{"results.xlsx", XLSX, true}, {"R.XLSX", XLSX, true}, {"-", JSON, true}, {"out.json", JSON, true},
		{"out.zip", CSV, true}, {"outdir", CSV, true}, {"out.csv", "", false}, {"out.txt", "", false},
	}
	for _, tc := range tests {
		got, err := FormatFromPath(tc.path)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
	}
	if _, err := ParseFormat("XLSX"); err != nil {
		t.Error(err)
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func TestNiceBins(t *testing.T) {
	tests := []struct{ lo, hi float64 }{{2750, 10700}, {0, 1}, {5, 5}, {-3, 1e6}, {1234.5, 1234.6}}
	for _, tc := range tests {
		bs := niceBins(tc.lo, tc.hi)
		if bs.n < 1 || bs.n > 2*targetBins || bs.start > tc.lo || bs.start+float64(bs.n)*bs.width < tc.hi {
			t.Errorf("niceBins(%v, %v) = %+v does not cover the range in a sensible number of bins", tc.lo, tc.hi, bs)
		}
		if tc.hi > tc.lo && bs.n < targetBins/2 {
			t.Errorf("niceBins(%v, %v) gives only %d bins", tc.lo, tc.hi, bs.n)
		}
	}
}

// TestHashInputs: the hash of inputs held in memory is stable.
func TestHashInputs(t *testing.T) {
	a, b := HashInputs("x", testInputs()), HashInputs("x", testInputs())
	if a.SHA256 != b.SHA256 || a.Name != b.Name || len(a.SHA256) != 64 {
		t.Errorf("HashInputs not stable: %v %v", a, b)
	}
}
