package data

import (
	"strings"
	"testing"
)

// TestInvisibleCodes: a code holding a zero-width, byte-order-mark or other
// invisible character is a problem that shows the character, and a code
// that differs from another only by such characters is a duplicate, in
// the workbook and in a CSV directory alike. Funding and Observed codes are
// held to the same rule.
func TestInvisibleCodes(t *testing.T) {
	trust := func(code string) []any { return []any{code, "Zeta NHS Trust", "acute", "London", 100, 50, nil, nil} }
	cases := []struct {
		name   string
		trusts [][]any
		fund   [][]any
		want   []string
	}{
		{"a zero-width space after a code that is already there",
			append(goodTrusts(), trust("Z54"), trust("Z54\u200b")), goodFunding(), []string{
				`book.xlsx: sheet Trusts, row 6, column code: found "Z54<U+200B>", want the trust's ODS code; this one holds invisible characters (shown as <U+…>), which make it a different code from the one it looks like: retype it`,
				`book.xlsx: sheet Trusts, row 6, column code: found "Z54<U+200B>", want a code not used before (row 5 has Z54, the same code but for case or invisible characters)`,
			}},
		{"a byte-order mark before, a second copy with a word joiner",
			append(goodTrusts(), trust("Z54"), trust("\ufeffZ54"), trust("Z\u206054")), goodFunding(), []string{
				`row 6, column code: found "<U+FEFF>Z54", want the trust's ODS code`,
				`row 6, column code: found "<U+FEFF>Z54", want a code not used before (row 5 has Z54,`,
				`row 7, column code: found "Z<U+2060>54", want the trust's ODS code`,
				`row 7, column code: found "Z<U+2060>54", want a code not used before (row 5 has Z54,`,
			}},
		{"invisible characters alone make no duplicate when there is no twin",
			append(goodTrusts(), trust("Z54\u200d")), goodFunding(), []string{
				`row 5, column code: found "Z54<U+200D>", want the trust's ODS code`,
			}},
		{"a bidi mark, a soft hyphen, a variation selector, a Hangul filler",
			append(goodTrusts(), trust("Z\u202e54"), trust("Y\u00ad54"), trust("X54\ufe0f"), trust("W\u316454")), goodFunding(), []string{
				`rows 5–8 (4 rows), column code: found "Z<U+202E>54", "Y<U+00AD>54", "X54<U+FE0F>" and others, want the trust's ODS code; this one holds invisible characters`,
			}},
		{"a funding code with a zero-width space",
			goodTrusts(), append(goodFunding(), []any{"RAA\u200b", "Fast Follower", "2019-20", 1, 1, "received"}), []string{
				`sheet Funding, row 5, column code: found "RAA<U+200B>", want a trust code from the Trusts sheet, or NATIONAL for the national envelope; this one holds invisible characters`,
			}},
		{"NATIONAL with a byte-order mark",
			goodTrusts(), append(goodFunding(), []any{"NATIONAL\ufeff", "Envelope", "2020-21", 400, 0, "committed"}), []string{
				`sheet Funding, row 5, column code: found "NATIONAL<U+FEFF>"`,
			}},
		{"case alone is a duplicate, said so",
			append(goodTrusts(), trust("raa")), goodFunding(), []string{
				`row 5, column code: found "raa", want a code not used before (row 2 has RAA, the same code but for case or invisible characters)`,
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadWorkbookBytes("book.xlsx", bookBytes(t, sheet{SheetTrusts, c.trusts}, sheet{SheetFunding, c.fund}), nil, defaultLimits())
			ps := problemsOf(t, err)
			if len(ps.Lines()) != len(c.want) {
				t.Errorf("%d lines of problems, want %d:\n%v", len(ps.Lines()), len(c.want), err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("no problem contains %q in:\n%v", w, err)
				}
			}
		})
	}
}

// TestInvisibleCodesCSV: the rule holds in a CSV directory, whose rows are
// where a BOM in the middle of a file (two files pasted together) lands.
func TestInvisibleCodesCSV(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		FileTrusts:   csvTrusts + "\ufeffRAA,Alpha again,acute,London,1,50\n",
		FileFunding:  csvFunding,
		FileObserved: "code,year,maturity\nRBB\u200b,2021-22,70\n",
	})
	_, err := LoadDir(dir, nil)
	for _, w := range []string{
		`trusts.csv: row 4, column code: found "<U+FEFF>RAA", want the trust's ODS code`,
		`trusts.csv: row 4, column code: found "<U+FEFF>RAA", want a code not used before (row 2 has RAA, the same code but for case or invisible characters)`,
		`observed.csv: row 2, column code: found "RBB<U+200B>", want`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("no problem contains %q in:\n%v", w, err)
		}
	}
}

// TestCodeKey: codes compare without case and invisible characters, and
// are shown with the invisible ones made visible.
func TestCodeKey(t *testing.T) {
	for in, want := range map[string]string{"z54": "Z54", "Z54\u200b": "Z54", "\ufeffz\u200c5\u200d4\u2060": "Z54", "R1\u034f": "R1", "Z 54": "Z 54"} {
		if got := codeKey(in); got != want {
			t.Errorf("codeKey(%q) = %q, want %q", in, got, want)
		}
	}
	for _, r := range "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202e\u2066\u2069\u061c\u180e\u034f\u115f\u3164\uffa0\ufe0f\U000e0001\x07\x7f" {
		if !invisible(r) {
			t.Errorf("%U is not taken as invisible", r)
		}
	}
	for _, r := range "Az09 -'&\u00a0é" {
		if invisible(r) {
			t.Errorf("%U is taken as invisible", r)
		}
	}
	if got := visibleCode("\ufeffZ54\u200b"); got != "<U+FEFF>Z54<U+200B>" {
		t.Errorf("visibleCode = %q", got)
	}
}
