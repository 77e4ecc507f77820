package data

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"corecast/model"
)

func TestSampleCounts(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Trusts) != 217 {
		t.Fatalf("sample has %d trusts, want 217", len(in.Trusts))
	}
	want := map[model.TrustType]int{model.Acute: 124, model.MentalHealth: 50, model.Specialist: 17, model.Community: 16, model.Ambulance: 10}
	got := map[model.TrustType]int{}
	prev := 0
	for _, tr := range in.Trusts {
		got[tr.Type]++
		if tr.HasMaturityPrev {
			prev++
			if tr.MaturityPrev > tr.Maturity {
				t.Errorf("%s: maturity_prev %g above maturity %g", tr.Code, tr.MaturityPrev, tr.Maturity)
			}
		}
		if tr.OpexM <= 0 || tr.Maturity < 10 || tr.Maturity > 95 || tr.Maturity != float64(int(tr.Maturity)) {
			t.Errorf("%s: opex %g maturity %g out of range", tr.Code, tr.OpexM, tr.Maturity)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counts by type %v, want %v", got, want)
	}
	if prev < 217/4 || prev > 217/2 {
		t.Errorf("%d trusts have maturity_prev, want about a third", prev)
	}
	national := map[model.FinancialYear]float64{}
	funded := map[string]bool{}
	for _, f := range in.Funding {
		if f.IsNational() {
			national[f.Year] += f.NationalM
			continue
		}
		funded[f.Code] = true
		if f.Year < 2017 || f.Year > 2020 || f.Status == model.Planned {
			t.Errorf("programme row %+v outside 2017-18..2020-21 or planned", f)
		}
	}
	wantNat := map[model.FinancialYear]float64{2019: 350, 2020: 450, 2021: 550, 2022: 650, 2023: 750}
	if !reflect.DeepEqual(national, wantNat) {
		t.Errorf("NATIONAL rows %v, want %v", national, wantNat)
	}
	if len(funded) < 30 || len(funded) > 40 {
		t.Errorf("%d trusts have programme funding, want about 35", len(funded))
	}
}

func TestSampleDeterministic(t *testing.T) {
	a, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls to Sample differ")
	}
}

func TestSampleWorkbookRoundTrip(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := WriteSampleWorkbook(path, false); err != nil {
		t.Fatal(err)
	}
	got, kv, err := split3(Load(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(kv) != 0 {
		t.Errorf("sample has scenario rows %v", kv)
	}
	if !reflect.DeepEqual(got, in) {
		t.Fatal("sample read back from xlsx differs from Sample()")
	}
	if err := WriteSampleWorkbook(path, false); err == nil {
		t.Error("WriteSampleWorkbook replaced an existing file without force")
	}
	if err := WriteSampleWorkbook(path, true); err != nil {
		t.Errorf("with force: %v", err)
	}
}

func TestSampleAboutSheet(t *testing.T) {
	wb, err := openWorkbook("s.xlsx", sampleBook(t), defaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	refs := wb.sheetsNamed("About")
	if len(refs) != 1 {
		t.Fatalf("%d About sheets", len(refs))
	}
	about, err := wb.readSheet(refs[0])
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range about.rows {
		text += r.get(0).text + "\n"
	}
	for _, want := range []string{"Open Government Licence v3.0", "illustrative", "ODS"} {
		if !bytes.Contains([]byte(text), []byte(want)) {
			t.Errorf("About sheet does not mention %q", want)
		}
	}
}

// TestSampleWorkbookDimensions declares each sheet's used range in its
// <dimension>, as readers such as openpyxl's read-only mode trust it: a
// sheet declared as A1 reads as one cell there.
func TestSampleWorkbookDimensions(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	book := sampleBook(t)
	wb, err := openWorkbook("s.xlsx", book, defaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	_, content := zipMembers(t, book)
	want := map[string]string{
		SheetTrusts:   fmt.Sprintf("A1:%s%d", columnLetters(len(TrustColumns())-1), len(in.Trusts)+1),
		SheetFunding:  fmt.Sprintf("A1:%s%d", columnLetters(len(FundingColumns())-1), len(in.Funding)+1),
		SheetObserved: fmt.Sprintf("A1:%s%d", columnLetters(len(ObservedColumns())-1), len(in.Observed)+1),
		"About":       fmt.Sprintf("A1:A%d", len(SampleAbout())),
	}
	for _, s := range wb.sheets {
		m := regexp.MustCompile(`<dimension ref="([^"]*)"`).FindSubmatch(content[s.part])
		if m == nil {
			t.Errorf("sheet %s has no dimension, want %q", s.name, want[s.name])
		} else if string(m[1]) != want[s.name] {
			t.Errorf("sheet %s: dimension %q, want %q", s.name, m[1], want[s.name])
		}
	}
}

// sampleBook returns the sample workbook as corecast sample writes it.
func sampleBook(t testing.TB) []byte {
	t.Helper()
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteInputsXLSX(&buf, in, SampleAbout()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
