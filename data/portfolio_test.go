package data

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"corecast/model"
)

// nationalTotal sums the NATIONAL envelope rows by year.
func nationalTotal(in model.Inputs) map[model.FinancialYear]float64 {
	out := map[model.FinancialYear]float64{}
	for _, f := range in.Funding {
		if f.IsNational() {
			out[f.Year] += f.NationalM
		}
	}
	return out
}

// checkPortfolio checks that in is the sample repeated to n trusts: unique
// codes, each trust's funding copied, the envelope scaled by n/217.
func checkPortfolio(t *testing.T, in model.Inputs, n int) {
	t.Helper()
	sample, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	size := len(sample.Trusts)
	if len(in.Trusts) != n {
		t.Fatalf("%d trusts, want %d", len(in.Trusts), n)
	}
	seen := map[string]bool{}
	for i, tr := range in.Trusts {
		key := strings.ToUpper(tr.Code)
		if seen[key] {
			t.Fatalf("code %s twice", tr.Code)
		}
		seen[key] = true
		orig := sample.Trusts[i%size]
		if tr.Type != orig.Type || tr.Region != orig.Region || tr.OpexM != orig.OpexM || tr.Maturity != orig.Maturity {
			t.Fatalf("trust %d (%s) is not a copy of %s", i, tr.Code, orig.Code)
		}
	}
	perTrust := map[string]int{}
	for _, f := range sample.Funding {
		if !f.IsNational() {
			perTrust[f.Code]++
		}
	}
	rows := map[string]int{}
	for _, f := range in.Funding {
		if f.IsNational() {
			continue
		}
		if !seen[strings.ToUpper(f.Code)] {
			t.Fatalf("funding row for %s, which is not a trust", f.Code)
		}
		rows[f.Code]++
	}
	for i, tr := range in.Trusts {
		if want := perTrust[sample.Trusts[i%size].Code]; rows[tr.Code] != want {
			t.Fatalf("%s has %d funding rows, want %d", tr.Code, rows[tr.Code], want)
		}
	}
	for _, f := range in.Funding {
		if f.IsNational() && (f.NationalM > maxNational || f.LocalM > maxNational) {
			t.Errorf("NATIONAL row %+v above what one row may hold", f)
		}
	}
	got, base := nationalTotal(in), nationalTotal(sample)
	if len(got) != len(base) {
		t.Fatalf("NATIONAL rows in years %v, want the sample's %v", got, base)
	}
	for y, m := range base {
		if want := m * float64(n) / float64(size); math.Abs(got[y]-want) > 0.01 {
			t.Errorf("NATIONAL %s: %g, want %g", y, got[y], want)
		}
	}
}

func TestIllustrativePortfolio(t *testing.T) {
	for _, n := range []int{1, 100, 500, 20_000} {
		in, err := IllustrativePortfolio(n)
		if err != nil {
			t.Fatalf("%d: %v", n, err)
		}
		checkPortfolio(t, in, n)
		if len(in.Observed) != 0 {
			t.Errorf("%d trusts: %d observations, want none", n, len(in.Observed))
		}
	}
}

// The portfolio of the sample's size is the sample.
func TestIllustrativePortfolioOfSampleSize(t *testing.T) {
	sample, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	in, err := IllustrativePortfolio(len(sample.Trusts))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, sample) {
		t.Error("the portfolio of 217 trusts is not the sample")
	}
	if !reflect.DeepEqual(PortfolioAbout(len(sample.Trusts)), SampleAbout()) {
		t.Error("its About text is not the sample's")
	}
}

func TestIllustrativePortfolioRefusesSizes(t *testing.T) {
	for _, n := range []int{0, -1, MaxPortfolioTrusts + 1} {
		if _, err := IllustrativePortfolio(n); err == nil {
			t.Errorf("%d trusts: no error", n)
		}
	}
}

// The workbook written of a portfolio loads back with the same trusts,
// funding and envelope.
func TestPortfolioWorkbookLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.xlsx")
	const n = 20_000
	if err := WritePortfolioWorkbookContext(context.Background(), path, n, false); err != nil {
		t.Fatal(err)
	}
	l, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkPortfolio(t, l.Inputs, n)
	want, err := IllustrativePortfolio(n)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Inputs.Funding) != len(want.Funding) {
		t.Errorf("%d funding rows loaded, want %d", len(l.Inputs.Funding), len(want.Funding))
	}
	if err := WritePortfolioWorkbookContext(context.Background(), path, n, false); err == nil {
		t.Error("replaced an existing file without force")
	}
}
