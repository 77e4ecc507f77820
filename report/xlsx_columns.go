package report

import "slices"

// indentWidth is the width, in characters, that one level of indent takes:
// three spaces, as the file format defines it.
const indentWidth = 3

// sheetColumns returns a table's columns as the workbook lays them out. A
// text column just right of a column of right-aligned numbers is indented:
// otherwise a number that fills its cell runs into the text beside it
// ("0.00%2024-25"), on screen and in print.
func sheetColumns(cols []column) []column {
	out := slices.Clone(cols)
	for j := 1; j < len(out); j++ {
		prev := out[j-1]
		out[j].indent = out[j].kind == kText && prev.kind != kText && !prev.left
	}
	return out
}
