package overview

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/format"
	"corecast/ui/charts"
	"corecast/ui/common"
)

// chartsView lays the fan chart on the left and, on the right, spend by
// year above the chart of need that need chooses: the histogram of total
// need or an S-curve. Each chart has a one-line title and a one-line
// scale, since the bars themselves carry no axis labels.
func chartsView(ctx *common.Context, res *forecast.Result, need *needChart, w, h int) string {
	leftW := w / 2
	rightW := w - leftW - 2
	left := fanView(ctx, res, leftW, h)
	topH := (h + 1) / 2
	right := lipgloss.JoinVertical(lipgloss.Left,
		spendView(ctx, res, rightW, topH),
		need.view(ctx, res, rightW, h-topH))
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
		st.ChartLocal.Render(charts.LocalGlyph) + st.Subtle.Render(" local")
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

// needChart is the chart of need under spend by year: the histogram of
// total need, or the S-curve of one of the budget figures (DESIGN §6). c
// steps through them.
type needChart struct {
	// shown is 0 for the histogram, 1+i for the S-curve of curveFigures[i].
	shown int
	// curves are the S-curves of res, kept so that a view does not search
	// a million iterations again at every frame.
	res    *forecast.Result
	curves forecast.SCurves
}

// curveFigure is a budget figure with an S-curve: its output key and its
// amounts on the curves.
type curveFigure struct {
	key    string
	values func(c *forecast.SCurves) []float64
}

// curveFigures are the figures c steps through after the histogram, in the
// order of the headline.
var curveFigures = []curveFigure{
	{"total_need", func(c *forecast.SCurves) []float64 { return c.TotalNeed }},
	{"national_need", func(c *forecast.SCurves) []float64 { return c.NationalNeed }},
	{"plan_window_spend", func(c *forecast.SCurves) []float64 { return c.PlanWindowSpend }},
}

// next shows the next chart, after the last the histogram again.
func (n *needChart) next() { n.shown = (n.shown + 1) % (1 + len(curveFigures)) }

// view draws the chart shown.
func (n *needChart) view(ctx *common.Context, res *forecast.Result, w, h int) string {
	if n.shown == 0 {
		// Nothing kept while unseen: the result pointer would hold an old
		// run, whole series and all, after newer runs.
		n.res, n.curves = nil, forecast.SCurves{}
		return histView(ctx, res, w, h)
	}
	if n.res != res {
		n.res, n.curves = res, res.SCurves()
	}
	return curveView(ctx, res, &n.curves, curveFigures[n.shown-1], w, h)
}

// curveView draws the S-curve of one budget figure: the share of
// iterations at or below each amount, from the least to the greatest, with
// P50 and the budget percentile (budget_p) marked on it and written
// underneath, where a budget is read.
func curveView(ctx *common.Context, res *forecast.Result, c *forecast.SCurves, fig curveFigure, w, h int) string {
	st := ctx.Styles
	o, _ := res.Output(fig.key)
	budgetP := res.Scenario.BudgetP
	pts := []charts.CurvePoint{{Amount: o.Stats.Min, Share: 0}}
	for i, v := range fig.values(c) {
		pts = append(pts, charts.CurvePoint{Amount: v, Share: c.Levels[i]})
	}
	pts = append(pts, charts.CurvePoint{Amount: o.Stats.Max, Share: 1})
	marks := []charts.CurvePoint{{Amount: o.Stats.P50, Share: 0.5}, {Amount: o.Stats.Budget, Share: budgetP}}

	title := st.Title.Render(o.Label+" S-curve") + st.Subtle.Render(fitText(w-lipgloss.Width(o.Label+" S-curve"),
		" · share of iterations at or below", " · share ≤ amount"))
	read := st.ChartTarget.Render("┆") + st.Subtle.Render(" P50 "+format.Money(o.Stats.P50)+" · "+
		levelName(budgetP)+" "+format.Money(o.Stats.Budget))
	lo, hi := st.Subtle.Render(format.Money(o.Stats.Min)), st.Subtle.Render(format.Money(o.Stats.Max))
	// The range and the reading on one line where they fit, else the
	// reading on a line of its own.
	below := []string{spread(w, lo, read, hi)}
	if lipgloss.Width(lo)+lipgloss.Width(read)+lipgloss.Width(hi)+4 > w {
		below = []string{spread(w, lo, "", hi), read}
	}
	chart := charts.SCurve(st, pts, marks, w, max(h-1-len(below), 1))
	lines := append([]string{title, chart}, below...)
	return lipgloss.NewStyle().Width(w).MaxWidth(w).Height(h).MaxHeight(h).
		Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// fitText returns the first of texts at most w cells wide, or "".
func fitText(w int, texts ...string) string {
	for _, t := range texts {
		if lipgloss.Width(t) <= w {
			return t
		}
	}
	return ""
}

// levelName names a percentile level as the figures are named: 0.8 is P80,
// 0.825 P82.5.
func levelName(p float64) string {
	return "P" + strconv.FormatFloat(math.Round(1000*p)/10, 'f', -1, 64)
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
