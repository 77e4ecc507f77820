package charts

import (
	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/lipgloss"

	"corecast/ui/styles"
)

// CurvePoint is one point of a cumulative distribution: an amount and the
// share of iterations (0 to 1) at or below it.
type CurvePoint struct {
	Amount, Share float64
}

// SCurve draws a cumulative distribution, pts in ascending order, as a
// braille line over the whole w × h, amounts from the first point's to the
// last's across and shares from 0 to 1 up, without axis or labels: the
// caller writes the scale, as for the histogram it stands in for. Each of
// marks, a point on the curve, is marked by a dotted line from the foot of
// the chart up to it, where the curve is read.
func SCurve(st *styles.Styles, pts, marks []CurvePoint, w, h int) string {
	if len(pts) < 2 || w < 2 || h < 1 {
		return lipgloss.NewStyle().Width(w).Height(h).Render("")
	}
	lo, hi := pts[0].Amount, pts[len(pts)-1].Amount
	if !(hi > lo) {
		hi = lo + 1 // every iteration the same: a step at the left edge
	}
	lc := linechart.New(w, h, lo, hi, 0, 1, linechart.WithXYSteps(0, 0))
	for _, m := range marks {
		if m.Amount >= lo && m.Amount <= hi {
			lc.DrawRuneLineWithStyle(canvas.Float64Point{X: m.Amount, Y: 0}, canvas.Float64Point{X: m.Amount, Y: m.Share}, '┆', st.ChartTarget)
		}
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		lc.DrawBrailleLineWithStyle(canvas.Float64Point{X: a.Amount, Y: a.Share}, canvas.Float64Point{X: b.Amount, Y: b.Share}, st.ChartMedian)
	}
	return lc.View()
}
