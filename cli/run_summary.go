package cli

import (
	"fmt"
	"math"
	"strconv"

	"corecast/forecast"
)

// summaryLine is the one-line report of a finished run, e.g.
// "Baseline: total need £6,675m (P10 £4,562m – P90 £9,006m); P(all core by
// 2023-24) 0.0%; 10,000 iterations in 0.05 s".
func summaryLine(r *forecast.Result) string {
	need, _ := r.Output("total_need")
	return fmt.Sprintf("%s: total need £%sm (P10 £%sm – P90 £%sm); P(all core by %s) %.1f%%; %s iterations in %.2f s",
		r.Scenario.Name, thousands(need.Stats.Mean), thousands(need.Stats.P10), thousands(need.Stats.P90),
		r.Scenario.TargetYear, 100*r.PAllCoreByTarget.P, thousands(float64(r.Iterations)), r.Elapsed.Seconds())
}

// thousands formats v rounded to a whole number with comma separators.
func thousands(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(math.Round(v)), 'f', 0, 64)
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if v < 0 && s != "0" {
		out = append(out, '-')
	}
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
