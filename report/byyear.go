package report

import (
	"corecast/forecast"
)

// byYearSheet holds the figures of each modelled year, with the fan chart of
// trusts core by year and the spend chart for each run.
func byYearSheet(b *book) *sheet {
	cols := []column{{name: "year"}, {name: "envelope_m", kind: kMoney},
		{name: "core_mean", kind: kTrusts}, {name: "core_p10", kind: kTrusts}, {name: "core_p50", kind: kTrusts}, {name: "core_p90", kind: kTrusts},
		{name: "national_spend_m", kind: kMoney}, {name: "local_spend_m", kind: kMoney},
		{name: "total_spend_m", kind: kMoney}, {name: "total_spend_sd", kind: kMoney},
		{name: "total_spend_p10", kind: kMoney}, {name: "total_spend_p50", kind: kMoney}, {name: "total_spend_p90", kind: kMoney},
		{name: "nominal_spend_m", kind: kMoney}}
	t, starts := b.stacked("by_year", cols,
		b.each(func(r *forecast.Result) int { return len(r.ByYear) }),
		func(k, j int, dst []any) {
			y := b.runs[k].Result.ByYear[j]
			vals := []any{y.Year.String(), y.EnvelopeM, y.CoreMean, y.CoreP10, y.CoreP50, y.CoreP90,
				y.NationalMean, y.LocalMean, y.Total.Mean, y.Total.SD, y.Total.P10, y.Total.P50, y.Total.P90, y.NominalMean}
			copy(dst, vals)
		})
	s := &sheet{name: SheetByYear, tables: []*table{t}, notes: []string{
		"Core: trusts core by the end of each year (expected and P10/P50/P90). Spend within each year, £m real; nominal uses the drawn inflation.",
	}}
	for k := range b.runs {
		lo, hi := starts[k], starts[k+1]
		suffix := ""
		if len(b.runs) > 1 {
			suffix = " — " + b.labels[k]
		}
		line := func(col, color string) series {
			return series{t: t, cat: "year", val: col, lo: lo, hi: hi, color: color}
		}
		mean := line("core_mean", "ED7D31")
		mean.dashed = true
		s.charts = append(s.charts,
			chart{title: "Trusts core by year" + suffix, kind: chartLines, yTitle: "trusts core",
				series: []series{line("core_p10", "9DC3E6"), line("core_p50", "1F4E79"), line("core_p90", "9DC3E6"), mean}},
			chart{title: "Spend by year, £m real" + suffix, kind: chartStacked, yTitle: "£m",
				series: []series{line("national_spend_m", "2E75B6"), line("local_spend_m", "F4B183")}})
	}
	return s
}
