package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"corecast/data"
)

// exportAt writes runs as JSON and as a CSV zip with GOMAXPROCS set to
// procs, and returns the bytes of each.
func exportAt(t *testing.T, runs []Run, procs int) (jsonDoc, csvZip []byte) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	opts := Options{SourceDate: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := WriteJSON(context.Background(), &buf, runs, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.zip")
	if err := WriteCSV(context.Background(), path, runs, opts); err != nil {
		t.Fatal(err)
	}
	zipped, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), zipped
}

// sameOnEveryCoreCount exports runs as JSON and as a CSV zip with
// GOMAXPROCS 1, 2 and 5 and checks that the bytes are the same.
func sameOnEveryCoreCount(t *testing.T, runs []Run) {
	t.Helper()
	json1, csv1 := exportAt(t, runs, 1)
	for _, procs := range []int{2, 5} {
		jsonN, csvN := exportAt(t, runs, procs)
		if !bytes.Equal(json1, jsonN) {
			t.Errorf("JSON with GOMAXPROCS %d differs from that with 1", procs)
		}
		if !bytes.Equal(csv1, csvN) {
			t.Errorf("CSV zip with GOMAXPROCS %d differs from that with 1", procs)
		}
	}
}

// TestRowsSameOnEveryCoreCount exports two runs whose Distribution is many
// chunks of rows (the second run starting inside a chunk) on one core, where
// rows are formatted one after another, and on several, where chunks are
// formatted concurrently, and gets the same bytes.
func TestRowsSameOnEveryCoreCount(t *testing.T) {
	runs := twoRuns(t, 3*rowChunk+rowChunk/3)
	sameOnEveryCoreCount(t, runs)
}

// TestRowNumsMatchesRow checks that a table's rowNums gives the values its
// row gives, for every row of the Distribution of two runs.
func TestRowNumsMatchesRow(t *testing.T) {
	b, err := newBook(twoRuns(t, 300), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := distributionSheet(b).tables[0]
	if tb.rowNums == nil || !tb.concurrent {
		t.Fatal("the distribution table has no rowNums or is not concurrent")
	}
	s := newRowScratch(tb)
	want := make([]any, len(tb.cols))
	for i := range tb.n {
		tb.fill(i, s.vals, s.nums)
		for j, v := range s.vals {
			if _, ok := v.(inNums); ok {
				s.vals[j] = s.nums[j]
			}
		}
		clear(want)
		tb.row(i, want)
		if !reflect.DeepEqual(s.vals, want) {
			t.Fatalf("row %d: rowNums gives %v, row gives %v", i, s.vals, want)
		}
	}
}

// TestByTrustSameOnEveryCoreCount exports a run of an illustrative
// portfolio whose By trust table is several chunks of rows on one core and
// on several, where the chunks are made concurrently, and gets the same
// bytes.
func TestByTrustSameOnEveryCoreCount(t *testing.T) {
	in, err := data.IllustrativePortfolio(3*rowChunk + 17)
	if err != nil {
		t.Fatal(err)
	}
	runs := []Run{testRunOn(t, testScenario(t, "Baseline", 64), in)}
	b, err := newBook(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb := byTrustSheet(b).tables[0]; !tb.concurrent || tb.n <= rowChunk {
		t.Fatalf("by_trust: concurrent %v, %d rows: no chunks are made concurrently", tb.concurrent, tb.n)
	}
	sameOnEveryCoreCount(t, runs)
}
