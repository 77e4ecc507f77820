package report

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// TestLongTextCutWithAMark: text longer than a cell holds is cut to fit
// with a mark that says so and how long it was, never cut without a word;
// text that fits is written whole.
func TestLongTextCutWithAMark(t *testing.T) {
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	cases := []struct {
		name, in string
		cut      bool
		want     string
	}{
		{"fits", strings.Repeat("a", maxCellChars), false, ""},
		{"fits in emoji", strings.Repeat("😀", maxCellChars/2), false, ""},
		{"one over", strings.Repeat("a", maxCellChars+1), true, "[cut here: the text has 32,768 characters, more than a cell holds]"},
		{"100 KB", strings.Repeat("b", 100_000), true, "the text has 100,000 characters"},
		{"emoji over", strings.Repeat("😀", 20_000), true, "the text has 40,000 characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := cutCellText(c.in)
			if !c.cut {
				if got != c.in {
					t.Fatalf("text that fits was changed")
				}
				return
			}
			if n := units(got); n > maxCellChars || n < maxCellChars-1 {
				t.Errorf("cut to %d characters, want %d", n, maxCellChars)
			}
			if !strings.HasSuffix(got, "]") || !strings.Contains(got, c.want) {
				t.Errorf("ends %q, want the mark %q", got[len(got)-90:], c.want)
			}
			cell := string(appendTextCell(nil, c.in))
			if !strings.Contains(cell, c.want) {
				t.Errorf("the streamed cell has no mark")
			}
		})
	}
}
