package report

import (
	"corecast/forecast"
)

// sCurvesSheet holds the S-curves of the budget figures (DESIGN §6): for
// each run, total need, national need and plan_window_spend at P1, every
// 5% to P95, P99 and the run's budget_p, with a chart of the three curves
// for each run.
func sCurvesSheet(b *book) *sheet {
	curves := make([]forecast.SCurves, len(b.runs))
	for k, r := range b.runs {
		curves[k] = r.Result.SCurves()
	}
	cols := []column{{name: "level", kind: kPercent}, {name: "total_need_m", kind: kMoney},
		{name: "national_need_m", kind: kMoney}, {name: "plan_window_spend_m", kind: kMoney}}
	t, starts := b.stacked("s_curves", cols,
		func(k int) int { return len(curves[k].Levels) },
		func(k, j int, dst []any) {
			c := curves[k]
			copy(dst, []any{c.Levels[j], c.TotalNeed[j], c.NationalNeed[j], c.PlanWindowSpend[j]})
		})
	s := &sheet{name: SheetSCurves, tables: []*table{t}, notes: []string{
		"S-curves (cumulative distributions) of total need, national need and plan_window_spend, £m real: at each level, the amount that share of the iterations is at or below " +
			"(percentiles interpolated as the Summary's). Read the budget at P80 (each run's budget_p, always among the levels) where a curve crosses 80%, the median where it crosses 50%.",
	}}
	for k := range b.runs {
		suffix := ""
		if len(b.runs) > 1 {
			suffix = " — " + b.labels[k]
		}
		curve := func(col, color string) series {
			return series{t: t, cat: "level", val: col, lo: starts[k], hi: starts[k+1], color: color}
		}
		s.charts = append(s.charts, chart{title: "S-curves, £m real" + suffix, kind: chartCurves,
			xTitle: "£m real", yTitle: "share of iterations at or below",
			series: []series{curve("total_need_m", "1F4E79"), curve("national_need_m", "2E75B6"), curve("plan_window_spend_m", "ED7D31")}})
	}
	return s
}
