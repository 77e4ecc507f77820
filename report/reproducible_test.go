package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// exportAll writes runs as xlsx, a CSV zip and JSON into a new directory
// and returns the bytes of each, by format.
func exportAll(t *testing.T, runs []Run, opts Options) map[Format][]byte {
	t.Helper()
	dir := t.TempDir()
	out := map[Format][]byte{}
	for f, name := range map[Format]string{XLSX: "r.xlsx", CSV: "r.zip", JSON: "r.json"} {
		p := filepath.Join(dir, name)
		if err := Write(context.Background(), p, f, runs, opts); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = b
	}
	return out
}

// freshRuns forecasts the full set of runs again, as a second corecast run
// would: the same numbers, but their own run dates and run times.
func freshRuns(t *testing.T, at time.Time, took time.Duration) []Run {
	t.Helper()
	runs := fullRuns(t)
	for i := range runs {
		runs[i].Manifest.RunDate = at
		runs[i].Manifest.RunTime = took
		runs[i].Manifest.Command = "corecast run --sensitivity --goal-seek --out r.xlsx"
	}
	return runs
}

// TestReproducibleToTheByte exports the same runs twice under a source date,
// as two corecast runs at different times would, and gets identical bytes
// in every format.
func TestReproducibleToTheByte(t *testing.T) {
	opts := Options{SourceDate: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)}
	first := exportAll(t, freshRuns(t, time.Now(), 1500*time.Millisecond), opts)
	second := exportAll(t, freshRuns(t, time.Now().Add(time.Hour), 2*time.Second), opts)
	for _, f := range Formats() {
		if !bytes.Equal(first[f], second[f]) {
			t.Errorf("%s: two exports of the same runs differ", f)
			if f != JSON {
				diffParts(t, first[f], second[f])
			}
		}
	}
}

// diffParts names the zip parts that differ between two archives.
func diffParts(t *testing.T, a, b []byte) {
	t.Helper()
	pa, pb := zipParts(t, a), zipParts(t, b)
	for name, x := range pa {
		if y, ok := pb[name]; !ok || !bytes.Equal(x.data, y.data) || !x.mod.Equal(y.mod) {
			t.Errorf("part %s differs", name)
		}
	}
	if len(pa) != len(pb) {
		t.Errorf("%d parts against %d", len(pa), len(pb))
	}
}

// zipPart is one entry of a zip archive.
type zipPart struct {
	data []byte
	mod  time.Time
	dos  uint16 // MS-DOS date, 0 when unset
}

// zipParts reads every entry of an archive, and fails on an archive that
// does not read.
func zipParts(t *testing.T, b []byte) map[string]zipPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]zipPart{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		// The MS-DOS date is deprecated for writing, but it is what many
		// unzip tools show: it must be a date too.
		out[f.Name] = zipPart{data: data, mod: f.Modified, dos: f.ModifiedDate}
	}
	return out
}

// docDates reads the created and modified dates of a workbook's core
// properties.
func docDates(t *testing.T, xlsx []byte) (created, modified string) {
	t.Helper()
	var core struct {
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if err := xml.Unmarshal(zipParts(t, xlsx)["docProps/core.xml"].data, &core); err != nil {
		t.Fatal(err)
	}
	return core.Created, core.Modified
}

// TestSourceDateIsEveryDate checks that, under a source date, the workbook's
// properties, the Manifest's date and every zip entry carry it, the run time
// is left out, and an epoch before zip dates begin gives valid entry dates.
func TestSourceDateIsEveryDate(t *testing.T) {
	for _, tc := range []struct {
		epoch, entry time.Time
	}{
		{time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)},
		{time.Unix(0, 0).UTC(), firstZipTime}, // SOURCE_DATE_EPOCH=0: no zip date is that early
	} {
		t.Run(tc.epoch.Format(time.RFC3339), func(t *testing.T) {
			runs := []Run{testRun(t, testScenario(t, "Baseline", 60))}
			out := exportAll(t, runs, Options{SourceDate: tc.epoch})
			want := tc.epoch.Format(time.RFC3339)
			if c, m := docDates(t, out[XLSX]); c != want || m != want {
				t.Errorf("workbook created %s, modified %s; want %s", c, m, want)
			}
			for _, f := range []Format{XLSX, CSV} {
				for name, p := range zipParts(t, out[f]) {
					if !p.mod.Equal(tc.entry) || p.dos == 0 {
						t.Errorf("%s: entry %s dated %v (DOS date %d), want %v", f, name, p.mod, p.dos, tc.entry)
					}
				}
			}
			fields := jsonManifest(t, out[JSON])
			if fields["run_date"] != want || fields["run_time_s"] != nil {
				t.Errorf("manifest run_date %v, run_time_s %v; want %s and none", fields["run_date"], fields["run_time_s"], want)
			}
		})
	}
}

// TestWithoutSourceDateDatesAreReal checks that without a source date the
// dates are the real ones, and that they are all that differs: the same
// runs exported twice give the same parts but for the workbook's
// properties.
func TestWithoutSourceDateDatesAreReal(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 60))}
	before := time.Now().UTC().Truncate(time.Second)
	first := exportAll(t, runs, Options{})
	second := exportAll(t, runs, Options{})
	after := time.Now().UTC()
	created, _ := docDates(t, first[XLSX])
	if c, err := time.Parse(time.RFC3339, created); err != nil || c.Before(before) || c.After(after) {
		t.Errorf("workbook created %q, want a time between %v and %v", created, before, after)
	}
	for _, f := range []Format{XLSX, CSV} {
		a, b := zipParts(t, first[f]), zipParts(t, second[f])
		for name, p := range a {
			if p.mod.Before(before) || p.mod.After(after) || p.dos == 0 {
				t.Errorf("%s: entry %s dated %v, want now", f, name, p.mod)
			}
			if name != "docProps/core.xml" && !bytes.Equal(p.data, b[name].data) {
				t.Errorf("%s: part %s differs between two exports of the same runs", f, name)
			}
		}
	}
	fields := jsonManifest(t, first[JSON])
	if fields["run_date"] != runs[0].Manifest.RunDate.Format(time.RFC3339) || fields["run_time_s"] == nil {
		t.Errorf("manifest run_date %v, run_time_s %v; want the run's", fields["run_date"], fields["run_time_s"])
	}
	if !bytes.Equal(first[JSON], second[JSON]) {
		t.Errorf("JSON of the same runs differs")
	}
}

// jsonManifest decodes an exported JSON document and returns the first
// run's manifest fields.
func jsonManifest(t *testing.T, b []byte) map[string]any {
	t.Helper()
	doc := decodeDoc(t, b)
	out := map[string]any{}
	for _, tb := range doc.Tables {
		if tb.Name == "manifest" {
			for _, r := range tb.Rows {
				out[r[0].(string)] = r[1]
			}
			return out
		}
	}
	t.Fatal("no manifest table")
	return nil
}

// decodeDoc decodes an exported JSON document, numbers as json.Number.
func decodeDoc(t *testing.T, b []byte) JSONDocument {
	t.Helper()
	var doc JSONDocument
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON does not decode: %v", err)
	}
	return doc
}

func TestParseSourceDateEpoch(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: ""},
		{in: "0", want: time.Unix(0, 0).UTC()},
		{in: "1709285400", want: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)},
		{in: "-86400", want: time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)},
		{in: "1.5", bad: true},
		{in: "+5", bad: true},
		{in: " 5", bad: true},
		{in: "soon", bad: true},
		{in: "253402300800", bad: true}, // the year 10000
	} {
		got, err := ParseSourceDateEpoch(tc.in)
		if (err != nil) != tc.bad || !got.Equal(tc.want) {
			t.Errorf("ParseSourceDateEpoch(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

// TestReproducibleOverManyBlocks exports a Distribution long enough to be
// compressed as several blocks on several goroutines, twice, and gets the
// same bytes: which goroutine compresses which block, and in what order
// they finish, make no difference.
func TestReproducibleOverManyBlocks(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 4000))}
	opts := Options{SourceDate: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)}
	first := exportAll(t, runs, opts)
	for f, b := range exportAll(t, runs, opts) {
		if !bytes.Equal(first[f], b) {
			t.Errorf("%s: two exports of the same runs differ", f)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first[XLSX]), int64(len(first[XLSX])))
	if err != nil {
		t.Fatal(err)
	}
	largest := uint64(0)
	for _, p := range zr.File {
		largest = max(largest, p.UncompressedSize64)
	}
	if largest < 3*deflateBlockSize {
		t.Errorf("largest part %d bytes: want several blocks of %d for the test to mean anything", largest, deflateBlockSize)
	}
}
