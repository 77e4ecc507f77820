package charts

import (
	"math"
	"strings"

	"corecast/ui/styles"
)

// TornadoLowGlyph and TornadoHighGlyph fill the parts of a tornado bar with
// the input at its P10 and at its P90: different glyphs, so the two read
// apart without colour.
const (
	TornadoLowGlyph  = "▒"
	TornadoHighGlyph = "█"
)

// TornadoRow draws one bar of a tornado chart, width cells wide: a divider
// at base, and from it a run of cells to the figure with the input at its
// P10 (low) and another to the figure at its P90 (high), on the scale
// [lo, hi]. Each part is drawn on its own side of the base when the two
// figures fall either side of it; when both fall on one side, the shorter
// is drawn over the longer so both show.
func TornadoRow(st *styles.Styles, low, high, base, lo, hi float64, width int) string {
	if width < 3 || !(hi > lo) {
		return strings.Repeat(" ", max(width, 0))
	}
	cells := make([]string, width)
	for i := range cells {
		cells[i] = " "
	}
	b := Position(base, lo, hi, width)
	type part struct {
		v     float64
		glyph string
		style func(...string) string
	}
	parts := []part{
		{low, TornadoLowGlyph, st.TornadoLow.Render},
		{high, TornadoHighGlyph, st.TornadoHigh.Render},
	}
	if math.Abs(low-base) < math.Abs(high-base) {
		parts[0], parts[1] = parts[1], parts[0] // longer first
	}
	for _, p := range parts {
		c := Position(p.v, lo, hi, width)
		// A figure off the base by less than a cell still gets one, so
		// that every input that moves the figure shows a bar.
		switch {
		case c == b && p.v > base && b < width-1:
			c++
		case c == b && p.v < base && b > 0:
			c--
		}
		from, to := min(b, c), max(b, c)
		for i := from; i <= to && i < width; i++ {
			if i != b {
				cells[i] = p.style(p.glyph)
			}
		}
	}
	cells[b] = st.ChartAxis.Render("│")
	return strings.Join(cells, "")
}

// Position is the cell, of width, where v falls on the scale [lo, hi].
func Position(v, lo, hi float64, width int) int {
	if !(hi > lo) || width < 1 {
		return 0
	}
	c := int(math.Round((v - lo) / (hi - lo) * float64(width-1)))
	return min(max(c, 0), width-1)
}
