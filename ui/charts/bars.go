package charts

import (
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/charmbracelet/lipgloss"

	"corecast/ui/styles"
)

// Pair is one year of a paired bar chart: national and local spend.
type Pair struct {
	National, Local float64
}

// PairedBars draws national and local spend per year as pairs of adjacent
// columns, a blank column between years, filling the height without axis or
// labels: at terminal sizes a label under each column would be cut to a
// digit, so the caller writes the scale. Pairs rather than stacks, because
// ntcharts draws each stacked segment with its own partial block, which
// leaves gaps inside a column.
func PairedBars(st *styles.Styles, data []Pair, w, h int) string {
	if len(data) == 0 || w < 3*len(data) || h < 1 {
		return lipgloss.NewStyle().Width(w).Height(h).Render("")
	}
	bw := max(w/(3*len(data)), 1)
	bc := barchart.New(3*bw*len(data), h, barchart.WithNoAxis(), barchart.WithBarGap(0), barchart.WithBarWidth(bw))
	for _, d := range data {
		bc.PushAll([]barchart.BarData{
			{Values: []barchart.BarValue{{Name: "national", Value: d.National, Style: st.ChartNational}}},
			{Values: []barchart.BarValue{{Name: "local", Value: d.Local, Style: st.ChartLocal}}},
			{Values: []barchart.BarValue{{Value: 0}}},
		})
	}
	bc.Draw()
	shadeLocal(&bc, bw, len(data), h)
	return lipgloss.NewStyle().Width(w).Render(bc.View())
}

// LocalGlyph is the glyph of the local spend columns: a shade, where the
// national columns are solid, so that the two read apart without colour
// (NO_COLOR, or a printout), as the legend says.
const LocalGlyph = "▓"

// shadeLocal redraws the full blocks of the local columns (the second of
// each year's three, bw cells wide) with LocalGlyph, keeping their style.
// The partial block at a column's top stays as drawn: it shows the height.
func shadeLocal(bc *barchart.Model, bw, years, h int) {
	glyph := []rune(LocalGlyph)[0]
	for y := 0; y < years; y++ {
		for x := y*3*bw + bw; x < y*3*bw+2*bw; x++ {
			for row := 0; row < h; row++ {
				p := canvas.Point{X: x, Y: row}
				if c := bc.Canvas.Cell(p); c.Rune == '█' {
					bc.Canvas.SetCell(p, canvas.Cell{Rune: glyph, Style: c.Style})
				}
			}
		}
	}
}

// Histogram draws counts as touching columns without axis or labels; the
// caller writes the value scale underneath.
func Histogram(st *styles.Styles, counts []float64, w, h int) string {
	if len(counts) == 0 || w < 2 || h < 1 {
		return lipgloss.NewStyle().Width(w).Height(h).Render("")
	}
	bc := barchart.New(w, h, barchart.WithNoAxis(), barchart.WithBarGap(0))
	for _, c := range counts {
		bc.Push(barchart.BarData{Values: []barchart.BarValue{{Value: c, Style: st.ChartHist}}})
	}
	bc.Draw()
	return bc.View()
}

// Bin counts values into n equal-width bins over [lo, hi].
func Bin(values []float64, n int, lo, hi float64) []float64 {
	counts := make([]float64, n)
	if n == 0 || !(hi > lo) {
		return counts
	}
	for _, v := range values {
		k := int(float64(n) * (v - lo) / (hi - lo))
		counts[min(max(k, 0), n-1)]++
	}
	return counts
}

// Bar draws value/maxValue as a horizontal bar of up to width cells, with
// eighth-cell precision, padded to width.
func Bar(st *styles.Styles, value, maxValue float64, width int) string {
	if width <= 0 {
		return ""
	}
	eighths := 0
	if maxValue > 0 && value > 0 {
		eighths = int(value/maxValue*float64(8*width) + 0.5)
	}
	eighths = min(eighths, 8*width)
	full, part := eighths/8, eighths%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	if part > 0 {
		b.WriteRune([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	bar := st.Bar.Render(b.String())
	return bar + strings.Repeat(" ", width-lipgloss.Width(bar))
}
