package cli

import (
	"fmt"

	"corecast/forecast"
	"corecast/format"
	"corecast/report"
)

// summaryLine is the one-line report of a finished run, e.g.
// "Baseline: total need £6,675m (P10 £4,562m – P90 £9,006m); P(all core by
// 2023-24) 0.0%; 10,000 iterations in 0.05 s".
func summaryLine(r *forecast.Result) string {
	need, _ := r.Output("total_need")
	return fmt.Sprintf("%s: total need £%sm (P10 £%sm – P90 £%sm); P(all core by %s) %.1f%%; %s iterations in %.2f s",
		r.Scenario.Name, format.Thousands(need.Stats.Mean), format.Thousands(need.Stats.P10), format.Thousands(need.Stats.P90),
		r.Scenario.TargetYear, 100*r.PAllCoreByTarget.P, format.Thousands(float64(r.Iterations)), r.Elapsed.Seconds())
}

// hindcastLine is the one-line report of a run's hindcast, empty without
// observations, e.g. "Baseline: hindcast on 146 observed trust-years: Brier
// 0.389 (observed base rate 0.209); observed core 16 of 73 in 2021-22
// (forecast P10–P90 15–29.1, percentile 14%)". The band's bounds are
// percentiles of a count, which may lie between whole numbers.
func hindcastLine(r *forecast.Result) string {
	h := r.Hindcast
	if h == nil {
		return ""
	}
	s := fmt.Sprintf("%s: hindcast on %d observed trust-years: Brier %.3f (observed base rate %.3f)",
		r.Scenario.Name, len(h.Pairs), h.Brier, h.Verdict.BaseRateBrier)
	for _, y := range h.Years {
		s += fmt.Sprintf("; observed core %d of %d in %s (forecast P10–P90 %s–%s, percentile %.0f%%)",
			y.ObservedCore, y.Trusts, y.Year, format.CountQuantile(y.P10), format.CountQuantile(y.P90), 100*y.Percentile)
	}
	return s
}

// verdictLine is the hindcast's verdict (report.HindcastVerdict) under the
// scenario's name, empty when history agrees with the scenario or there is
// no hindcast: the figures of hindcastLine leave the reader to judge them,
// this line says when they contradict the scenario and what to try.
func verdictLine(r *forecast.Result) string {
	v := report.HindcastVerdict(r.Hindcast)
	if v == "" {
		return ""
	}
	return r.Scenario.Name + ": " + v
}
