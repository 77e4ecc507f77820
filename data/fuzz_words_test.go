package data

import (
	"strings"
	"testing"
)

// FuzzParseYearText fuzzes financial years as text: a year that reads
// reads again, the same, from the form corecast writes.
func FuzzParseYearText(f *testing.F) {
	for _, s := range []string{"2019-20", "2019–20", "2019—2020", "2019 to 2020", "April 2019 to March 2020", "FY 2019 to 20",
		"Apr 19 - Mar 20", "19/20", "2019 − 20", "2019‑20", "01/04/2019", "2019-04-01", "1 April 2019", "31-Mar-20", "2019 to 2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer watchdog()()
		if y, ok := parseYearText(s); ok {
			back, ok := parseYearText(y.String())
			if !ok || back != y {
				t.Fatalf("%q read as %s, which reads back as %v (%v)", s, y, back, ok)
			}
		}
		if d, ok := parseDateText(s); ok {
			y, _ := yearOfDate(d)
			if y < 1899 || y > 2200 {
				t.Fatalf("%q read as the date %v", s, d)
			}
		}
	})
}

// FuzzParseStrict fuzzes numbers written as text: one that reads, read
// without its group separators, is the same number.
func FuzzParseStrict(f *testing.F) {
	for _, s := range []string{"1 234.5", "1\u00a0234", "12\u2009345\u2009678", "1\u202f000", "12 34", "1,234.5", "1,2345", "522,1",
		"0x1p4", "1_000", "NaN", "-1 234", "1 234,5", ".5", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer watchdog()()
		v, ok := parseStrict(s)
		if !ok {
			return
		}
		plainText := strings.Map(func(r rune) rune {
			if r == ',' || strings.ContainsRune(groupSpaces, r) {
				return -1
			}
			return r
		}, s)
		w, ok := parseStrict(plainText)
		if !ok || w != v {
			t.Fatalf("%q read as %v, but %q as %v (%v)", s, v, plainText, w, ok)
		}
	})
}

// FuzzWordQualifiers fuzzes words with qualifiers: a word read with a
// qualifier is the word read alone, and what reads is one of the table's.
func FuzzWordQualifiers(f *testing.F) {
	for _, s := range []string{"Acute (specialist)", "ACUTE - SPECIALIST", "Planned - indicative", "Committed (signed MoU)",
		"LONDON COMMISSIONING REGION", "NHS England North West", "East Midlands", "Mental Health (MH)", "Committed - withdrawn",
		"Planned / committed", "((((", "- - -", "Acute (Teaching) [Large]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer watchdog()()
		checkWordTable(t, typeWords, s)
		checkWordTable(t, regionWords, s)
		checkWordTable(t, statusWords, s)
	})
}

func checkWordTable[T interface{ String() string }](t *testing.T, wt wordTable[T], s string) {
	w, why, ok := wt.read(wordKey(s))
	if !ok {
		if why != "" && strings.ContainsAny(why, "\n\r") {
			t.Fatalf("%q: a reason over lines: %q", s, why)
		}
		return
	}
	found := false
	for _, x := range wt.words {
		if x.String() == w.word.String() {
			found = true
		}
	}
	if !found {
		t.Fatalf("%q read as %v, which the table does not hold", s, w.word)
	}
}
