package sensitivity

import (
	"corecast/ui/common"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
)

// Column widths of the tornado table.
const (
	nameW  = 23 // the longest input name, unit_cost.mental_health
	rangeW = 17 // the input's P10–P90, shown when wide
	swingW = 8
	pW     = 9
)

// wide reports whether there is room for the inputs' P10–P90 column.
func (m *Model) wide() bool { return m.w >= 110 }

// tornado draws one bar per input, largest need swing first, on a scale
// shared by every bar, with the base (every input at P50) as the divider.
func (m *Model) tornado(out *forecast.SensitivityResult, res *forecast.Result) string {
	st := m.ctx.Styles
	lo, hi := out.BaseNeed, out.BaseNeed
	for _, b := range out.Bars {
		lo = min(lo, b.NeedLow, b.NeedHigh)
		hi = max(hi, b.NeedLow, b.NeedHigh)
	}
	fixed := nameW + 1 + 1 + swingW + 1 + pW + 1
	if m.wide() {
		fixed += rangeW + 1
	}
	barW := max(m.w-fixed, 10)
	indent := nameW + 1
	if m.wide() {
		indent += rangeW + 1
	}

	legend := st.TornadoLow.Render(charts.TornadoLowGlyph) + st.Subtle.Render(" at P10  ") +
		st.TornadoHigh.Render(charts.TornadoHighGlyph) + st.Subtle.Render(" at P90 · mean total need")
	head := st.TableHeader.Render(common.Pad("Input", nameW) + " ")
	if m.wide() {
		head += st.TableHeader.Render(common.Pad("P10 – P90", rangeW) + " ")
	}
	// When no input moves P(all core) — it is 0 (or 1) at both ends of
	// every bar — a column of zeros says nothing: the swing in trusts core
	// by the target year does.
	flat := true
	for _, b := range out.Bars {
		flat = flat && b.PCoreSwing() == 0
	}
	second := "P swing"
	if flat {
		second = "Core Δ"
	}
	head += common.Pad(legend, barW) + " " +
		st.TableHeader.Render(fmt.Sprintf("%*s %*s", swingW, "Swing", pW, second))
	lines := []string{m.method(res), head}
	for _, b := range out.Bars {
		row := common.Pad(b.Input, nameW) + " "
		if m.wide() {
			row += st.Subtle.Render(common.Pad(format.Short(b.Low)+" – "+format.Short(b.High), rangeW)) + " "
		}
		row += charts.TornadoRow(st, b.NeedLow, b.NeedHigh, out.BaseNeed, lo, hi, barW) + " " +
			fmt.Sprintf("%*s %*s", swingW, format.Money(b.NeedSwing()), pW, swing(b, flat))
		lines = append(lines, row)
	}
	scale := labels(barW, hi > lo, format.Money(lo), "base "+format.Money(out.BaseNeed),
		charts.Position(out.BaseNeed, lo, hi, barW), format.Money(hi))
	lines = append(lines, strings.Repeat(" ", indent)+st.Subtle.Render(scale))
	return strings.Join(lines, "\n")
}

// labels writes the scale under the bars: the lowest figure at the left,
// the base centred on its divider where it fits, the highest at the right.
func labels(w int, spread bool, left, mid string, at int, right string) string {
	if !spread {
		return mid
	}
	lw, mw, rw := lipgloss.Width(left), lipgloss.Width(mid), lipgloss.Width(right)
	start := min(max(at-mw/2, lw+1), w-rw-1-mw)
	if start < lw+1 {
		return left + " " + mid + " " + right
	}
	return left + strings.Repeat(" ", start-lw) + mid + strings.Repeat(" ", max(w-rw-start-mw, 1)) + right
}

// points writes a swing in a probability in percentage points.
func points(p float64) string { return strconv.FormatFloat(100*p, 'f', 1, 64) + " pts" }

// swing is a bar's swing in P(all core), in points, or when no bar moves
// P, in trusts core by the target year.
func swing(b forecast.TornadoBar, flat bool) string {
	if flat {
		return format.Count(b.CoreSwing()) + " tr"
	}
	return points(b.PCoreSwing())
}
