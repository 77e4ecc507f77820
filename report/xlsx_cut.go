package report

import (
	"unicode/utf16"
	"unicode/utf8"

	"corecast/format"
)

// cutCellText returns s when a cell holds it whole (maxCellChars UTF-16
// code units), and otherwise its start followed by a mark saying it was
// cut and how long it was, so that a reader of the workbook never takes
// part of a text for all of it. Excel, and excelize with it, would cut it
// without a word.
func cutCellText(s string) string {
	if len(s) <= maxCellChars {
		return s
	}
	units := 0
	for _, r := range s {
		units += utf16.RuneLen(r)
	}
	if units <= maxCellChars {
		return s
	}
	mark := "… [cut here: the text has " + format.Int(units) + " characters, more than a cell holds]"
	keep := maxCellChars - utf8.RuneCountInString(mark) // the mark is all in the Basic Multilingual Plane
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > keep {
			return s[:i] + mark
		}
	}
	return s
}
