package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/model"
)

func TestLoadWorkbookGood(t *testing.T) {
	path := writeBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()})
	in, kv, err := split3(Load(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(kv) != 0 || len(in.Trusts) != 3 || len(in.Funding) != 3 {
		t.Fatalf("got %d trusts, %d funding, %d scenario rows", len(in.Trusts), len(in.Funding), len(kv))
	}
	want := model.Trust{Code: "RAA", Name: "Alpha Hospitals NHS Trust", Type: model.Acute, Region: model.London, OpexM: 420.5, Maturity: 61, MaturityPrev: 55, HasMaturityPrev: true, EPR: "Cerner"}
	if in.Trusts[0] != want {
		t.Errorf("trust 1 = %+v, want %+v", in.Trusts[0], want)
	}
	if in.Trusts[1].HasMaturityPrev || in.Trusts[1].Type != model.MentalHealth {
		t.Errorf("trust 2 = %+v", in.Trusts[1])
	}
	f := in.Funding[2]
	if !f.IsNational() || f.Year != 2019 || f.NationalM != 350 || f.Status != model.Committed {
		t.Errorf("funding 3 = %+v", f)
	}
}

// Headers are matched case-insensitively in any order, extra columns are
// ignored, text is trimmed, blank rows are skipped and row numbers stay those
// Excel shows.
func TestLoadWorkbookLenient(t *testing.T) {
	trusts := [][]any{
		{" Region ", "MATURITY", "Notes", "Opex_M", "Type", "Name", "Code"},
		{"  london", 61, "x", 420.5, " Acute ", "Alpha ", " RAA"},
		{nil, nil, nil, nil, nil, nil, nil},
		{"North West", 48, "", "180", "mental_health", "Beta", "RBB"},
		{"South West", 70, "", 260, "ambulance", "Gamma", "RCC"},
		{"South West", 170, "", 260, "ambulance", "Delta", "RDD"},
	}
	funding := [][]any{
		{"STATUS", "code", "Year", "programme", "local_m", "national_m"},
		{"Received", "raa", " 2018-19 ", "GDE", nil, 5},
	}
	path := writeBook(t, sheet{"trusts", trusts}, sheet{"FUNDING", funding})
	_, _, err := split3(Load(path, nil))
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Row != 6 || ps[0].Column != "maturity" || ps[0].Sheet != "trusts" {
		t.Fatalf("problems %v, want one at trusts row 6 column maturity", ps)
	}
	trusts = trusts[:5]
	path = writeBook(t, sheet{"trusts", trusts}, sheet{"FUNDING", funding})
	in, _, err := split3(Load(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Trusts) != 3 || in.Trusts[0].Code != "RAA" || in.Trusts[0].Name != "Alpha" || in.Trusts[0].Region != model.London {
		t.Errorf("trusts %+v", in.Trusts)
	}
	if len(in.Funding) != 1 || in.Funding[0].LocalM != 0 || in.Funding[0].NationalM != 5 || in.Funding[0].Code != "RAA" {
		t.Errorf("funding %+v", in.Funding)
	}
}

func TestLoadWorkbookProblems(t *testing.T) {
	tr, fu := goodTrusts(), goodFunding()
	type want struct {
		sheet  string
		row    int
		column string
	}
	cases := []struct {
		name    string
		sheets  []sheet
		want    want
		message string // substring of the problem's sentence
	}{
		{"duplicate code", []sheet{{"Trusts", replace(tr, 3, 0, "RAA")}, {"Funding", fu}},
			want{"Trusts", 4, "code"}, "already on row 2"},
		{"unknown type", []sheet{{"Trusts", replace(tr, 2, 2, "hospital")}, {"Funding", fu}},
			want{"Trusts", 3, "type"}, `book.xlsx: sheet Trusts, row 3, column type: found "hospital", want one of acute, mental health, community, ambulance, specialist`},
		{"unknown region", []sheet{{"Trusts", replace(tr, 1, 3, "Wales")}, {"Funding", fu}},
			want{"Trusts", 2, "region"}, `found "Wales"`},
		{"zero opex", []sheet{{"Trusts", replace(tr, 1, 4, 0)}, {"Funding", fu}},
			want{"Trusts", 2, "opex_m"}, "above 0"},
		{"text in a number column", []sheet{{"Trusts", replace(tr, 2, 4, "lots")}, {"Funding", fu}},
			want{"Trusts", 3, "opex_m"}, `found "lots"`},
		{"maturity out of range", []sheet{{"Trusts", replace(tr, 3, 5, 101)}, {"Funding", fu}},
			want{"Trusts", 4, "maturity"}, "0 to 100"},
		{"maturity_prev out of range", []sheet{{"Trusts", replace(tr, 1, 6, -3)}, {"Funding", fu}},
			want{"Trusts", 2, "maturity_prev"}, "0 to 100"},
		{"missing name", []sheet{{"Trusts", replace(tr, 2, 1, "  ")}, {"Funding", fu}},
			want{"Trusts", 3, "name"}, "found nothing, want the trust's name (required)"},
		{"formula error", []sheet{{"Trusts", replace(tr, 1, 5, "#DIV/0!")}, {"Funding", fu}},
			want{"Trusts", 2, "maturity"}, "formula error"},
		{"negative money", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 1, 3, -1)}},
			want{"Funding", 2, "national_m"}, "0 or above"},
		{"negative local money", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 2, 4, "-2.5")}},
			want{"Funding", 3, "local_m"}, "0 or above"},
		{"funding for an unknown trust", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 2, 0, "RZZ")}},
			want{"Funding", 3, "code"}, "a trust code from the Trusts sheet"},
		{"bad year", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 1, 2, "2019-21")}},
			want{"Funding", 2, "year"}, `"2019-20"`},
		{"year as a number", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 1, 2, 2019)}},
			want{"Funding", 2, "year"}, `found "2019"`},
		{"unknown status", []sheet{{"Trusts", tr}, {"Funding", replace(fu, 3, 5, "hoped")}},
			want{"Funding", 4, "status"}, "received, committed, planned"},
		{"missing sheet", []sheet{{"Trusts", tr}},
			want{"Funding", 0, ""}, "book.xlsx: sheet Funding: is missing"},
		{"missing column", []sheet{{"Trusts", replace(tr, 0, 3, "area")}, {"Funding", fu}},
			want{"Trusts", 1, "region"}, "a column named region"},
		{"duplicate column", []sheet{{"Trusts", replace(tr, 0, 7, "Code")}, {"Funding", fu}},
			want{"Trusts", 1, "code"}, "one column for code"},
		{"no trusts", []sheet{{"Trusts", tr[:1]}, {"Funding", fu[:1]}},
			want{"Trusts", 0, ""}, "has no trusts"},
		{"empty sheet", []sheet{{"Trusts", nil}, {"Funding", fu}},
			want{"Trusts", 0, ""}, "is empty"},
		{"empty workbook", []sheet{{"Sheet1", nil}},
			want{"Trusts", 0, ""}, "is missing"},
		{"NATIONAL as a trust", []sheet{{"Trusts", replace(tr, 3, 0, "NATIONAL")}, {"Funding", fu}},
			want{"Trusts", 4, "code"}, "reserved"},
		{"scenario sheet without value column", []sheet{{"Trusts", tr}, {"Funding", fu}, {"Scenario", [][]any{{"key", "val"}, {"seed", 1}}}},
			want{"Scenario", 1, "value"}, "a column named value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := split3(Load(writeBook(t, c.sheets...), nil))
			ps := problemsOf(t, err)
			for _, p := range ps {
				if p.Sheet == c.want.sheet && p.Row == c.want.row && p.Column == c.want.column {
					if !strings.Contains(p.Error(), c.message) {
						t.Errorf("problem %q does not contain %q", p.Error(), c.message)
					}
					if !strings.Contains(p.Error(), "book.xlsx: ") {
						t.Errorf("problem %q does not name the file", p.Error())
					}
					return
				}
			}
			t.Errorf("no problem at sheet %s row %d column %q; got:\n%v", c.want.sheet, c.want.row, c.want.column, ps)
		})
	}
}

// Every problem is reported, not only the first.
func TestLoadWorkbookGathersAllProblems(t *testing.T) {
	tr := replace(replace(replace(goodTrusts(), 1, 2, "hospital"), 2, 3, "Wales"), 3, 5, "high")
	fu := replace(replace(goodFunding(), 1, 2, "2019"), 2, 0, "RZZ")
	_, _, err := split3(LoadWorkbookBytes("book.xlsx", bookBytes(t, sheet{"Trusts", tr}, sheet{"Funding", fu}), nil))
	ps := problemsOf(t, err)
	if len(ps) != 5 {
		t.Fatalf("got %d problems, want 5:\n%v", len(ps), ps)
	}
	if got := strings.Count(err.Error(), "\n"); got != 4 {
		t.Errorf("Problems.Error has %d line breaks, want 4", got)
	}
}

func TestLoadWorkbookRefusals(t *testing.T) {
	good := bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()})
	encrypted := append(append([]byte{}, oleMagic...), make([]byte, 504)...)
	encrypted = append(encrypted, utf16le("EncryptedPackage")...)
	cases := []struct {
		name    string
		b       []byte
		lim     limits
		message string
	}{
		{"text file", []byte("code,name\nRAA,Alpha\n"), defaultLimits(), "is not an xlsx workbook"},
		{"empty file", nil, defaultLimits(), "is empty"},
		{"encrypted", encrypted, defaultLimits(), "is encrypted or password-protected"},
		{"old xls", append(append([]byte{}, oleMagic...), make([]byte, 600)...), defaultLimits(), "encrypted or password-protected, or an old Excel 97-2003"},
		{"truncated zip", good[:len(good)/2], defaultLimits(), "could not be read as an xlsx workbook"},
		{"too large", good, limits{maxBytes: 1000, maxRows: MaxRows}, "is larger than"},
		{"too many rows", good, limits{maxBytes: MaxFileBytes, maxRows: 3}, "has more than 3 rows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := split3(loadWorkbookBytes("book.xlsx", c.b, nil, c.lim))
			ps := problemsOf(t, err)
			if len(ps) != 1 || !strings.Contains(ps[0].Error(), c.message) || !strings.HasPrefix(ps[0].Error(), "book.xlsx") {
				t.Errorf("got %v, want one problem saying %q", ps, c.message)
			}
		})
	}
}

func TestLoadFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 2000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := split3(loadWorkbookFile(path, nil, limits{maxBytes: 1000, maxRows: 10}))
	if ps := problemsOf(t, err); !strings.Contains(ps[0].Error(), "is larger than") {
		t.Errorf("got %v", ps)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, _, err := split3(Load(filepath.Join(t.TempDir(), "nope.xlsx"), nil))
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("got %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func TestLoadWorkbookReader(t *testing.T) {
	b := bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()})
	in, _, err := split3(LoadWorkbookReader("mem.xlsx", bytes.NewReader(b), nil))
	if err != nil || len(in.Trusts) != 3 {
		t.Fatalf("got %d trusts, %v", len(in.Trusts), err)
	}
}

// A stray cell far down the sheet makes it "too large" rather than making
// loading slow.
func TestLoadWorkbookStrayCell(t *testing.T) {
	tr := goodTrusts()
	b := bookBytes(t, sheet{"Trusts", tr}, sheet{"Funding", goodFunding()})
	_, _, err := split3(loadWorkbookBytes("book.xlsx", b, nil, limits{maxBytes: MaxFileBytes, maxRows: 100}))
	if err != nil {
		t.Fatal(err)
	}
	f := bookBytesWithCell(t, "Trusts", "A5000", "x", sheet{"Trusts", tr}, sheet{"Funding", goodFunding()})
	_, _, err = split3(loadWorkbookBytes("book.xlsx", f, nil, limits{maxBytes: MaxFileBytes, maxRows: 100}))
	if ps := problemsOf(t, err); !strings.Contains(ps[0].Error(), "more than 100 rows") {
		t.Errorf("got %v", ps)
	}
}
