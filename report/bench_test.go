package report

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// benchRun forecasts the baseline on the embedded sample (as corecast run
// does without --input) with the given iterations, outside the timed part of
// a benchmark.
func benchRun(b *testing.B, iterations int) []Run {
	b.Helper()
	in, err := data.Sample()
	if err != nil {
		b.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Name = "Baseline"
	sc.Iterations = iterations
	sc.Seed = 7
	if err := sc.Validate(); err != nil {
		b.Fatal(err)
	}
	res, err := forecast.Run(context.Background(), in, sc, forecast.Options{})
	if err != nil {
		b.Fatal(err)
	}
	run := NewRun(res, in, HashInputs(SampleName, in), "bench", time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	// The forecast's garbage would otherwise be collected, and counted,
	// during the export.
	runtime.GC()
	return []Run{run}
}

// benchWrite exports runs in the format to a fresh file b.Loop times and
// reports the file's size and the process's peak resident memory, which
// includes the forecast being exported (what /usr/bin/time reports for
// corecast run).
func benchWrite(b *testing.B, runs []Run, format Format, ext string) {
	b.Helper()
	dir := b.TempDir()
	opts := Options{Force: true, SourceDate: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	path := filepath.Join(dir, "out"+ext)
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		if err := Write(context.Background(), path, format, runs, opts); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, beside the wall time, shows what the export costs on a
	// machine that other work shares.
	if cpu := cpuSeconds() - cpu0; cpu0 >= 0 && cpu >= 0 {
		b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	}
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "file-MB")
	}
	if kb := peakRSSKB(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	}
}

// cpuSeconds is the user and system CPU time the process has used, from
// /proc/self/stat, or -1 where /proc does not say. It assumes the usual 100
// clock ticks a second.
func cpuSeconds() float64 {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// The fields after the command name, which is in parentheses: utime and
	// stime are the 12th and 13th of them.
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	if len(f) < 13 {
		return -1
	}
	user, err1 := strconv.Atoi(f[11])
	sys, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		return -1
	}
	return float64(user+sys) / 100
}

// peakRSSKB is the process's peak resident set size in KB (VmHWM), or 0
// where /proc does not say.
func peakRSSKB() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(status)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return kb
		}
	}
	return 0
}

// BenchmarkExportXLSX1M is DESIGN §10's export target: a million iterations
// of the sample to xlsx in under 15 s and 300 MB on two cores. Run it alone
// (-bench ExportXLSX1M) for a meaningful peak-RSS-MB.
func BenchmarkExportXLSX1M(b *testing.B) {
	benchWrite(b, benchRun(b, 1_000_000), XLSX, ".xlsx")
}

// BenchmarkExportXLSX20k is the xlsx export of a typical run.
func BenchmarkExportXLSX20k(b *testing.B) {
	benchWrite(b, benchRun(b, 20_000), XLSX, ".xlsx")
}

// BenchmarkExportJSON20k is the JSON export of the whole-process benchmark
// (corecast run --iterations 20000 --format json).
func BenchmarkExportJSON20k(b *testing.B) {
	benchWrite(b, benchRun(b, 20_000), JSON, ".json")
}

// BenchmarkExportCSV20k is the same run exported as a CSV zip.
func BenchmarkExportCSV20k(b *testing.B) {
	benchWrite(b, benchRun(b, 20_000), CSV, ".zip")
}

// BenchmarkJSONDocument20k is BenchmarkExportJSON20k's document written to
// io.Discard: the formatting alone, without the file system's share (the
// temporary file's writes and its sync), which varies from disk to disk.
func BenchmarkJSONDocument20k(b *testing.B) {
	runs := benchRun(b, 20_000)
	opts := Options{SourceDate: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		if err := WriteJSON(context.Background(), io.Discard, runs, opts); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuSeconds() - cpu0; cpu0 >= 0 && cpu >= 0 {
		b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	}
}
