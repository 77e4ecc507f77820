package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// benchKeys returns the figures corecast bench reports, in order.
func benchKeys() []string {
	return []string{
		"trust_iteration_ns_217", "trust_iteration_ns_2000", "trust_iteration_ns_20000", "trust_iteration_ratio",
		"sample_all_cores_ms", "wide_all_cores_s", "wide_cores_busy", "sensitivity_s",
		"process_json_s", "process_json_no_distribution_s", "distribution_adds_json_pct",
		"process_xlsx_s", "process_xlsx_no_distribution_s", "distribution_adds_xlsx_pct",
		"process_batch_s", "process_batch_peak_mb",
	}
}

// benchTiny is the iteration scale of the tests: a few iterations for
// every figure. No test looks at a time: the machine is shared.
const benchTiny = "0.001"

// TestBenchQuickTable runs bench --quick at tiny sizes: it exits 0 and
// prints the machine and a row for every figure, the whole-process ones
// skipped.
func TestBenchQuickTable(t *testing.T) {
	code, out, errOut := run(t, Options{}, "bench", "--quick", "--iterations-scale", benchTiny)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"GOMAXPROCS", "CPUs (runtime.NumCPU)", "go1.", "figure", "measured", "target", "met",
		"trust-iteration, 1 core, 217 trusts (the sample)", "trust-iteration, 1 core, 2,000 trusts",
		"trust-iteration, 1 core, 20,000 trusts", "trust-iteration, 20,000 trusts ÷ 217",
		"iterations of the sample, all cores", "20,000 trusts × 1 iteration, all cores", "cores busy then",
		"what the Distribution adds, .json", "what the Distribution adds, .xlsx", "its peak memory", "--iterations-scale 0.001"} {
		if !strings.Contains(out, want) {
			t.Errorf("output has no %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "skipped (--quick)"); n != 8 {
		t.Errorf("%d rows skipped by --quick, want the 8 whole-process ones:\n%s", n, out)
	}
}

// TestBenchQuickJSON: --json gives every figure, in order, by its key.
func TestBenchQuickJSON(t *testing.T) {
	code, out, errOut := run(t, Options{}, "bench", "--quick", "--json", "--iterations-scale", benchTiny)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		NumCPU     int     `json:"num_cpu"`
		GOMAXPROCS int     `json:"gomaxprocs"`
		GoVersion  string  `json:"go_version"`
		Repeat     int     `json:"repeat"`
		Scale      float64 `json:"iterations_scale"`
		Figures    []struct {
			Key   string   `json:"key"`
			Value *float64 `json:"value"`
			Met   *bool    `json:"met"`
			Note  string   `json:"note"`
		} `json:"figures"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.NumCPU < 1 || rep.GOMAXPROCS < 1 || !strings.HasPrefix(rep.GoVersion, "go") || rep.Repeat != 1 || rep.Scale != 0.001 {
		t.Errorf("machine or settings: %+v", rep)
	}
	keys := benchKeys()
	if len(rep.Figures) != len(keys) {
		t.Fatalf("%d figures, want %d", len(rep.Figures), len(keys))
	}
	for i, f := range rep.Figures {
		if f.Key != keys[i] {
			t.Errorf("figure %d is %s, want %s", i, f.Key, keys[i])
		}
		if f.Met != nil {
			t.Errorf("%s: judged at scaled sizes", f.Key)
		}
		if strings.HasPrefix(f.Key, "process_") || strings.HasPrefix(f.Key, "distribution_") {
			if f.Value != nil || f.Note != "skipped (--quick)" {
				t.Errorf("%s: measured under --quick (note %q)", f.Key, f.Note)
			}
		}
	}
}

func TestBenchRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--repeat", "0"},
		{"--repeat", "-2"},
		{"--repeat", "many"},
		{"--iterations-scale", "0"},
		{"--iterations-scale", "-0.5"},
		{"--iterations-scale", "2"},
		{"--iterations-scale", "NaN"},
		{"--quick", "extra"},
		{"--no-such-flag"},
	} {
		code, out, errOut := run(t, Options{}, append([]string{"bench"}, args...)...)
		if code != ExitInvalid || errOut == "" || out != "" {
			t.Errorf("bench %v: exit %d, stdout %q, stderr %q; want 2 and a message", args, code, out, errOut)
		}
	}
}

// The sizes scale every iteration count, never the trusts, and keep the
// marginal runs apart.
func TestBenchSizes(t *testing.T) {
	full, err := newBenchSizes(1, 217)
	if err != nil {
		t.Fatal(err)
	}
	if !full.full() || full.marginalFrom != 256 || full.marginalTo != 2_304 || full.live != 10_000 ||
		full.wideTrusts != 20_000 || full.wideIters != 400 || full.distIters != 200_000 || full.batchIters != 1_000_000 {
		t.Errorf("full sizes %+v", full)
	}
	tiny, err := newBenchSizes(1e-6, 217)
	if err != nil {
		t.Fatal(err)
	}
	if tiny.full() || tiny.marginalFrom < 1 || tiny.marginalTo <= tiny.marginalFrom || tiny.live < 1 || tiny.batchIters < 1 ||
		tiny.oneCoreTrusts[0] != 217 || tiny.wideTrusts != 20_000 {
		t.Errorf("tiny sizes %+v", tiny)
	}
}
