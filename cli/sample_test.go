package cli

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
)

// TestSampleTrusts writes an illustrative portfolio with sample --trusts and
// reads it back: that many trusts, unique codes, the envelope scaled by
// N/217, and a workbook that validates and runs.
func TestSampleTrusts(t *testing.T) {
	const n = 1_000
	path := filepath.Join(t.TempDir(), "big.xlsx")
	code, out, errOut := run(t, Options{}, "sample", "--trusts", "1000", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1000 trusts") || !strings.Contains(out, "illustrative portfolio") {
		t.Errorf("output %q does not say what was written", out)
	}
	l, err := data.Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Inputs.Trusts) != n {
		t.Fatalf("%d trusts read back, want %d", len(l.Inputs.Trusts), n)
	}
	codes := map[string]bool{}
	for _, tr := range l.Inputs.Trusts {
		if codes[strings.ToUpper(tr.Code)] {
			t.Fatalf("code %s twice", tr.Code)
		}
		codes[strings.ToUpper(tr.Code)] = true
	}
	sample, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	envelope := func(in model.Inputs) float64 {
		sum := 0.0
		for _, f := range in.Funding {
			if f.IsNational() {
				sum += f.NationalM
			}
		}
		return sum
	}
	want := envelope(sample) * n / float64(len(sample.Trusts))
	if got := envelope(l.Inputs); math.Abs(got-want) > 0.05 {
		t.Errorf("envelope £%gm, want £%gm", got, want)
	}
	if code, out, errOut := run(t, Options{}, "validate", path); code != 0 || !strings.Contains(out, "ok: 1000 trusts") {
		t.Errorf("validate: exit %d: %s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, Options{}, "run", "--input", path, "--iterations", "50", "--quiet", "--out", filepath.Join(t.TempDir(), "r.json")); code != 0 {
		t.Errorf("run --input: exit %d: %s", code, errOut)
	}
}

// sample --trusts 217 and sample alone write the same workbook: the sample.
func TestSampleTrustsOfSampleSize(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	for _, args := range [][]string{{"sample", a}, {"sample", "--trusts", "217", b}} {
		if code, out, errOut := run(t, Options{}, args...); code != 0 || strings.Contains(out, "portfolio") {
			t.Fatalf("%v: exit %d: %s%s", args, code, out, errOut)
		}
	}
	la, err := data.Load(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := data.Load(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if la.Digest.SHA256 == "" || la.Digest.SHA256 != lb.Digest.SHA256 {
		t.Errorf("the two workbooks differ: %s and %s", la.Digest.SHA256, lb.Digest.SHA256)
	}
}

func TestSampleTrustsRefusesBadValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	for _, v := range []string{"0", "-5", "100000", "many", "1.5"} {
		code, _, errOut := run(t, Options{}, "sample", "--trusts", v, path)
		if code != ExitInvalid || !strings.Contains(errOut, "--trusts") {
			t.Errorf("--trusts %s: exit %d, stderr %q; want 2 naming --trusts", v, code, errOut)
		}
	}
}
