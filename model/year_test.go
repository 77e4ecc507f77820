package model

import (
	"fmt"
	"strings"
	"testing"
)

// parseFinancialYearByPattern is ParseFinancialYear reading every form
// through yearForm: the definition its quick path for 2019-20 must match.
func parseFinancialYearByPattern(s string) (FinancialYear, error) {
	return yearFromMatch(s, yearForm.FindStringSubmatch(strings.TrimSpace(s)))
}

func sameYearParse(t *testing.T, s string) {
	t.Helper()
	got, gotErr := ParseFinancialYear(s)
	want, wantErr := parseFinancialYearByPattern(s)
	if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("ParseFinancialYear(%q) = %v, %v; want %v, %v", s, got, gotErr, want, wantErr)
	}
}

func TestParseFinancialYearQuickPath(t *testing.T) {
	for y := 1890; y <= 2210; y++ {
		for _, s := range []string{
			fmt.Sprintf("%d-%02d", y, (y+1)%100), fmt.Sprintf("%d-%02d", y, (y+2)%100), fmt.Sprintf(" %d-%02d\t", y, (y+1)%100),
		} {
			sameYearParse(t, s)
		}
	}
	for _, s := range []string{"0019-20", "2019-2", "2019-200", "201a-20", "2019–20", "2019/20", "12345-6", "2019-0x"} {
		sameYearParse(t, s)
	}
}

func FuzzParseFinancialYear(f *testing.F) {
	for _, s := range []string{"2019-20", "2099-00", "1899-00", "2019-21", "FY19/20", "19/20", "2019 - 2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameYearParse(t, s) })
}
