package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Column width bounds, in characters.
const (
	minWidth     = 6
	maxWidth     = 64
	maxWideWidth = 120
	widthSample  = 300 // rows looked at to size a column
)

// widths estimates a width for each column of t from its header and its
// first rows.
func widths(t *table) []float64 {
	cols := sheetColumns(t.cols)
	w := make([]float64, len(cols))
	for i, c := range cols {
		w[i] = float64(utf8.RuneCountInString(c.name)) + 3 // room for the filter button
	}
	dst := make([]any, len(t.cols))
	for r := 0; r < min(t.n, widthSample); r++ {
		clear(dst)
		t.row(r, dst)
		for i, v := range dst {
			if cols[i].overflow {
				continue
			}
			w[i] = math.Max(w[i], float64(textWidth(v, cols[i].kind))+1)
		}
	}
	for i, c := range cols {
		if c.indent {
			w[i] += indentWidth
		}
		top := float64(maxWidth)
		if c.wide {
			top = maxWideWidth
		}
		w[i] = math.Min(math.Max(w[i], minWidth), top)
	}
	return w
}

// textWidth estimates the characters a value takes once formatted.
func textWidth(v any, k kind) int {
	switch x := v.(type) {
	case string:
		// Text of several lines (a scenario file) is as wide as its
		// longest.
		longest := 0
		for more := true; more; {
			var line string
			line, x, more = strings.Cut(x, "\n")
			longest = max(longest, utf8.RuneCountInString(line))
		}
		return longest
	case int:
		return len(strconv.Itoa(x)) + len(strconv.Itoa(x))/3
	case float64:
		return numberWidth(x, k)
	case cell:
		return numberWidth(x.v, x.k)
	}
	return 0
}

// numberWidth estimates the width of a number in the format of kind k.
func numberWidth(v float64, k kind) int {
	if !finite(v) {
		return 0
	}
	switch k {
	case kPercent, kPctSE:
		return 7
	case kRatio, kSeconds:
		return len(strconv.FormatFloat(v, 'f', 4, 64))
	}
	digits := len(strconv.FormatFloat(math.Abs(v), 'f', 0, 64))
	return digits + (digits-1)/3 + 3
}
