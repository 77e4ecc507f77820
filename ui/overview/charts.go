package overview

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
	"corecast/ui/common"
)

// chartsView lays the fan chart on the left and, on the right, spend by
// year above the histogram of total need. Each chart has a one-line title
// and a one-line scale, since the bars themselves carry no axis labels.
func chartsView(ctx *common.Context, res *forecast.Result, w, h int) string {
	leftW := w / 2
	rightW := w - leftW - 2
	left := fanView(ctx, res, leftW, h)
	topH := (h + 1) / 2
	right := lipgloss.JoinVertical(lipgloss.Left,
		spendView(ctx, res, rightW, topH),
		histView(ctx, res, rightW, h-topH))
	return lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", right)
}

// fanView draws trusts core by year: median line, P10–P90 band, target marked.
func fanView(ctx *common.Context, res *forecast.Result, w, h int) string {
	st := ctx.Styles
	sc := res.Scenario
	pts := make([]charts.FanPoint, len(res.ByYear))
	for i, y := range res.ByYear {
		pts[i] = charts.FanPoint{Year: int(y.Year), Low: y.CoreP10, Mid: y.CoreP50, Top: y.CoreP90}
	}
	n := len(res.ByTrust)
	title := st.Title.Render("Trusts core by year") + st.Subtle.Render(fmt.Sprintf(" (of %d)", n))
	caption := st.ChartMedian.Render("⠤⠤") + st.Subtle.Render(" median ") + st.ChartBand.Render("░") +
		st.Subtle.Render(" P10–P90 ") + st.ChartTarget.Render("┆") + st.Subtle.Render(" target "+sc.TargetYear.String())
	lines := []string{title}
	hindcast := hindcastLine(res.Hindcast, w)
	if hindcast != "" {
		h--
	}
	lines = append(lines, charts.Fan(st, pts, int(sc.TargetYear), float64(n), w, h-2), caption)
	if hindcast != "" {
		lines = append(lines, st.Subtle.Render(hindcast))
	}
	return lipgloss.NewStyle().Width(w).MaxWidth(w).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// hindcastLine says how the forecast compares with the observations, in
// at most w cells: the Brier score and, room allowing, the last observed
// year's count against its forecast band. The observed trusts are a subset,
// so their count is written out rather than marked on the chart of all
// trusts. It is empty without observations.
func hindcastLine(h *forecast.Hindcast, w int) string {
	if h == nil || len(h.Years) == 0 {
		return ""
	}
	y := h.Years[len(h.Years)-1]
	lo, hi := format.CountQuantile(y.P10), format.CountQuantile(y.P90)
	long := fmt.Sprintf("Hindcast: Brier %.3f; %s observed %d of %d core, forecast P10–P90 %s–%s",
		h.Brier, y.Year, y.ObservedCore, y.Trusts, lo, hi)
	if lipgloss.Width(long) <= w {
		return long
	}
	mid := fmt.Sprintf("Hindcast Brier %.3f; %s: %d/%d core (%s–%s)", h.Brier, y.Year, y.ObservedCore, y.Trusts, lo, hi)
	if lipgloss.Width(mid) <= w {
		return mid
	}
	return fmt.Sprintf("Hindcast Brier %.3f (%d trust-years)", h.Brier, len(h.Pairs))
}

// spendView draws spend by year, national and local side by side, with the
// first and last year and the peak written underneath.
func spendView(ctx *common.Context, res *forecast.Result, w, h int) string {
	st := ctx.Styles
	data := make([]charts.Pair, len(res.ByYear))
	peak, peakAt := 0.0, ""
	for i, y := range res.ByYear {
		data[i] = charts.Pair{National: y.NationalMean, Local: y.LocalMean}
		if t := y.NationalMean + y.LocalMean; t > peak {
			peak, peakAt = t, y.Year.String()
		}
	}
	title := st.Title.Render("Spend by year ") + st.ChartNational.Render("█") + st.Subtle.Render(" national ") +
		st.ChartLocal.Render("█") + st.Subtle.Render(" local")
	chart := charts.PairedBars(st, data, w, max(h-2, 1))
	scale := ""
	if n := len(res.ByYear); n > 0 {
		// The scale spans the bars, which fill whole columns of three cells a year.
		barsW := min(3*max(w/(3*n), 1)*n-1, w)
		scale = spread(barsW, res.ByYear[0].Year.String(), "peak "+format.Money(peak)+" "+peakAt, res.ByYear[len(res.ByYear)-1].Year.String())
	}
	return lipgloss.NewStyle().Width(w).MaxWidth(w).Height(h).MaxHeight(h).
		Render(lipgloss.JoinVertical(lipgloss.Left, title, chart, st.Subtle.Render(scale)))
}

// histView draws the distribution of total need over the iterations, with
// its range and median written underneath.
func histView(ctx *common.Context, res *forecast.Result, w, h int) string {
	st := ctx.Styles
	need, _ := res.Output("total_need")
	lo, hi := need.Stats.Min, need.Stats.Max
	// About √N bins: fewer would hide the shape, more would show only noise.
	bins := min(max(int(math.Sqrt(float64(len(res.TotalNeed)))), 10), max(w, 2))
	counts := charts.Bin(res.TotalNeed, bins, lo, hi)
	title := st.Title.Render("Total need") + st.Subtle.Render(fmt.Sprintf(" over %s iterations", format.Int(res.Iterations)))
	chartW := (w / bins) * bins // whole columns per bin, so the scale below spans the bars
	chart := charts.Histogram(st, counts, chartW, max(h-2, 1))
	scale := spread(chartW, format.Money(lo), "median "+format.Money(need.Stats.P50), format.Money(hi))
	return lipgloss.NewStyle().Width(w).MaxWidth(w).Height(h).MaxHeight(h).
		Render(lipgloss.JoinVertical(lipgloss.Left, title, chart, st.Subtle.Render(scale)))
}

// spread writes left at the start, mid in the middle and right at the end
// of a line w cells wide.
func spread(w int, left, mid, right string) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(mid) - lipgloss.Width(right)
	if gap < 2 {
		return left + " " + mid + " " + right
	}
	return left + strings.Repeat(" ", gap/2) + mid + strings.Repeat(" ", gap-gap/2) + right
}
