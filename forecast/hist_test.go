package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestHistPercentilesMatchExact checks the streamed percentiles against the
// exact percentiles of the values, within the bins' resolution.
func TestHistPercentilesMatchExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{1, 2, 7, 1000} {
		h, e, m := newCounts(1, fineBins+1), newExtremes(1), newMoments(1)
		x := make([]float64, n)
		for i := range x {
			x[i] = math.Exp(3 + r.NormFloat64())
			if i%5 == 0 {
				x[i] = 0
			}
			h.inc(0, binOf(x[i], fineBins))
			e.see(0, x[i])
			m.add(0, x[i])
		}
		st := histStats(n, 0, &m, &h, &e, 0.8)
		got := []float64{st.P5, st.P10, st.P25, st.P50, st.P75, st.P90, st.P95}
		sorted := sortedCopy(x)
		exact := seriesStats(x, 0.8, new(selector))
		for i, p := range percentileLevels {
			if exact := percentile(sorted, p); math.Abs(got[i]-exact) > 0.006*math.Abs(exact)+1e-12 {
				t.Errorf("n %d, P%.0f: %g, exact %g", n, 100*p, got[i], exact)
			}
		}
		if math.Abs(st.Mean-exact.Mean) > 1e-9*exact.Mean || math.Abs(st.SD-exact.SD) > 1e-6*exact.SD {
			t.Errorf("n %d: mean %g, sd %g from the sums; exact %g, %g", n, st.Mean, st.SD, exact.Mean, exact.SD)
		}
	}
}
