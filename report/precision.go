package report

import (
	"fmt"
	"strings"

	"corecast/forecast"
	"corecast/format"
)

// PrecisionNote words how a run to a precision chose its iterations, e.g.
// "run to precision 0.005: 40,000 iterations (tried 10,000, 20,000,
// 40,000); standard error of mean total need 0.41% of the mean, of P(all
// core) 0.38 points; reached". It is empty for a run of the scenario's own
// iterations (r nil).
func PrecisionNote(r *forecast.PrecisionReport) string {
	if r == nil || len(r.Tried) == 0 {
		return ""
	}
	tried := make([]string, len(r.Tried))
	for i, n := range r.Tried {
		tried[i] = format.Int(n)
	}
	end := "reached"
	if !r.Reached {
		end = "not reached: stopped at the maximum, " + format.Int(r.Max) + " iterations"
	}
	return fmt.Sprintf("run to precision %g: %s iterations (tried %s; each a whole run, the last reported, so --iterations %d gives the same numbers); "+
		"standard error of mean total need %.3g%% of the mean, of P(all core) %.3g points; %s",
		r.Target, format.Int(r.Tried[len(r.Tried)-1]), strings.Join(tried, ", "), r.Tried[len(r.Tried)-1],
		100*r.NeedRelSE, 100*r.PCoreSE, end)
}
