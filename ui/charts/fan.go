package charts

import (
	"math"
	"strconv"

	"corecast/model"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/lipgloss"

	"corecast/ui/styles"
)

// FanPoint is one year of a fan chart: the year's first calendar year and
// the band's low, middle and high values.
type FanPoint struct {
	Year          int
	Low, Mid, Top float64
}

// Fan draws a fan chart: the P10–P90 band shaded, the median as a line and
// a dashed vertical marker at the target year. yMax is the top of the scale
// (the number of trusts), so charts of different runs share a scale.
func Fan(st *styles.Styles, pts []FanPoint, target int, yMax float64, w, h int) string {
	if len(pts) < 2 || w < 12 || h < 5 {
		return lipgloss.NewStyle().Width(w).Height(h).Render("")
	}
	x0, x1 := float64(pts[0].Year), float64(pts[len(pts)-1].Year)
	lc := linechart.New(w, h, x0, x1, 0, math.Max(yMax, 1),
		linechart.WithXYSteps(1, 2),
		linechart.WithStyles(st.ChartAxis, st.ChartAxis, st.ChartMedian))
	perYear := float64(lc.GraphWidth()) / (x1 - x0)
	every := int(math.Ceil(6 / perYear)) // a label is a financial year, "19-20", and a space
	lc.XLabelFormatter = func(_ int, v float64) string {
		y := math.Round(v)
		if math.Abs(v-y) > 0.5/perYear || (int(y)-pts[0].Year)%every != 0 {
			return ""
		}
		return model.FinancialYear(int(y)).String()[2:] // as every other year is written
	}
	lc.YLabelFormatter = func(_ int, v float64) string { return strconv.Itoa(int(math.Round(v))) }
	lc.DrawXYAxisAndLabel()

	// The band: one vertical run of shade per column, between the
	// interpolated P10 and P90 of that column's position in time.
	gw := lc.GraphWidth()
	for c := 0; c < gw; c++ {
		x := x0 + (x1-x0)*float64(c)/float64(max(gw-1, 1))
		lo, _, hi := interpolate(pts, x)
		lc.DrawRuneLineWithStyle(canvas.Float64Point{X: x, Y: lo}, canvas.Float64Point{X: x, Y: hi}, '░', st.ChartBand)
	}
	if float64(target) >= x0 && float64(target) <= x1 {
		lc.DrawRuneLineWithStyle(canvas.Float64Point{X: float64(target), Y: 0}, canvas.Float64Point{X: float64(target), Y: yMax}, '┆', st.ChartTarget)
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		lc.DrawBrailleLineWithStyle(canvas.Float64Point{X: float64(a.Year), Y: a.Mid}, canvas.Float64Point{X: float64(b.Year), Y: b.Mid}, st.ChartMedian)
	}
	return lc.View()
}

// interpolate returns the band at time x, linear between the years either side.
func interpolate(pts []FanPoint, x float64) (lo, mid, hi float64) {
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if x <= float64(b.Year) {
			f := (x - float64(a.Year)) / float64(b.Year-a.Year)
			return a.Low + f*(b.Low-a.Low), a.Mid + f*(b.Mid-a.Mid), a.Top + f*(b.Top-a.Top)
		}
	}
	p := pts[len(pts)-1]
	return p.Low, p.Mid, p.Top
}
