package cli

import (
	"fmt"

	"corecast/forecast"
	"corecast/format"
	"corecast/report"
)

// summaryLine is the one-line report of a finished run, e.g.
// "Baseline: total need £5,611m (P50 £5,460m, P80 £6,830m; P10 £3,842m –
// P90 £7,564m); national need £2,806m (P80 £3,415m); spend 2019-20 to
// 2023-24 £4,872m (P80 £5,560m) against the £8,100m plan, P(within plan)
// 100.0%; P(all core by 2023-24) 0.0%; 10,000 iterations in 0.05 s".
func summaryLine(r *forecast.Result) string {
	sc := r.Scenario
	need, _ := r.Output("total_need")
	nat, _ := r.Output("national_need")
	window, _ := r.Output("plan_window_spend")
	budget := format.Percentile(sc.BudgetP)
	return fmt.Sprintf("%s: total need £%sm (P50 £%sm, %s £%sm; P10 £%sm – P90 £%sm); national need £%sm (%s £%sm); "+
		"spend %s to %s £%sm (%s £%sm) against the £%sm plan, P(within plan) %.1f%%; P(all core by %s) %.1f%%; %s iterations in %.2f s",
		sc.Name, format.Thousands(need.Stats.Mean), format.Thousands(need.Stats.P50), budget, format.Thousands(need.Stats.Budget),
		format.Thousands(need.Stats.P10), format.Thousands(need.Stats.P90),
		format.Thousands(nat.Stats.Mean), budget, format.Thousands(nat.Stats.Budget),
		sc.PlanFrom, sc.PlanTo, format.Thousands(window.Stats.Mean), budget, format.Thousands(window.Stats.Budget),
		format.Thousands(sc.PlanTotalM), 100*r.PWithinPlan.P,
		sc.TargetYear, 100*r.PAllCoreByTarget.P, format.Thousands(float64(r.Iterations)), r.Elapsed.Seconds())
}

// uncountedLines are the run's notes on NATIONAL rows that do not count
// (report.UncountedNotes), under the scenario's name.
func uncountedLines(r *forecast.Result) []string {
	var out []string
	for _, n := range report.UncountedNotes(r) {
		out = append(out, r.Scenario.Name+": note: "+n)
	}
	return out
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
