package data

import (
	"fmt"
	"strings"
	"unicode"
)

// invisible reports whether r shows as nothing where a code is printed: a
// format character (zero-width space, joiners, byte-order mark, bidi marks
// and controls, soft hyphen, invisible operators), a control character, a
// variation selector or another character Unicode says to ignore by
// default (a Hangul filler, the combining grapheme joiner). A code holding
// one looks like another code but is not it, so two rows for one trust
// would count as two trusts.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Cc, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// hasInvisible reports whether s holds an invisible character.
func hasInvisible(s string) bool {
	return strings.IndexFunc(s, invisible) >= 0
}

// codeKey is the key under which codes are compared: upper case, without
// invisible characters, so that a code differing from another only by
// them is the same code (and a duplicate).
func codeKey(code string) string {
	if hasInvisible(code) {
		code = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, code)
	}
	return strings.ToUpper(code)
}

// visibleCode writes code with each invisible character made visible as
// <U+200B>, so that a message shows what the cell holds.
func visibleCode(code string) string {
	var b strings.Builder
	for _, r := range code {
		if invisible(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code reads a required code cell. A code holding invisible characters is
// a problem that shows them; it is still returned (with ok false), so that
// the caller can find the code it duplicates.
func (c *columns) code(r row, col string, ps *problemList) (string, bool) {
	v, ok := c.text(r, col, true, ps)
	if !ok || !hasInvisible(v) {
		return v, ok
	}
	ps.add(c.problem(r, col, visibleCode(v), c.schema.field(col).want+
		"; this one holds invisible characters (shown as <U+…>), which make it a different code from the one it looks like: retype it"))
	return v, false
}

// sameCodeAs says which earlier row holds a code, noting when the two are
// spelled differently (in case or by invisible characters).
func sameCodeAs(firstRow int, first, code string) string {
	if first == code {
		return fmt.Sprintf("it is already on row %d", firstRow)
	}
	return fmt.Sprintf("row %d has %s, the same code but for case or invisible characters", firstRow, visibleCode(first))
}
