package data

import (
	"strings"
	"testing"
	"unicode"
)

// normalNameSpec is normalName as its doc comment states it, step by step:
// the definition the one-pass version must agree with.
func normalNameSpec(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	s = bracketed.ReplaceAllString(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var normalNameCases = []string{
	"", " ", "Opex (£m)", "opex_m", "North East & Yorkshire", "North East &Yorkshire", "&", "& &", "a&b",
	"DMA score [2017]", "(all)", "x (a (b) c) y", "ODS Code", "  Trust   NAME  ", "Grand Total", "Sub-total",
	"Æther Ünïon", "İstanbul", "KELVIN \u212a", "tab\there", "non\u00a0breaking", "bad \xff byte", "£450.2m",
	"Mental Health Trust", "NE and Yorkshire", "Total (excl. NATIONAL)", "[", "(", ")(", "a)b(c",
}

func TestNormalNameMatchesItsDefinition(t *testing.T) {
	for _, s := range normalNameCases {
		if got, want := normalName(s), normalNameSpec(s); got != want {
			t.Errorf("normalName(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormalName(f *testing.F) {
	for _, s := range normalNameCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalName(s), normalNameSpec(s); got != want {
			t.Errorf("normalName(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzTotalWordsHoldTotal checks the quick test isTotalRow makes first: a
// text whose words, normalised, include a total word holds "total" in some
// mix of ASCII cases.
func FuzzTotalWordsHoldTotal(f *testing.F) {
	for _, s := range append(normalNameCases, "Grand TOTAL", "sub-total", "Sub Totals", "tOtAl (x)", "to(x)tal") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for w := range strings.FieldsSeq(normalName(s)) {
			if totalWords[w] && !containsFoldASCII(s, "total") {
				t.Errorf("%q has the total word %q but containsFoldASCII says no", s, w)
			}
		}
	})
}

func TestContainsFoldASCII(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"Grand Total", true}, {"TOTALS", true}, {"tota", false}, {"", false}, {"xxtOtAl", true}, {"to tal", false}, {"TOTAL", true}} {
		if got := containsFoldASCII(c.s, "total"); got != c.want {
			t.Errorf("containsFoldASCII(%q) = %v", c.s, got)
		}
	}
}
