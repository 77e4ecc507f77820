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
		h := make([]uint32, fineBins+1)
		x := make([]float64, n)
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range x {
			x[i] = math.Exp(3 + r.NormFloat64())
			if i%5 == 0 {
				x[i] = 0
			}
			h[binOf(x[i], fineBins)]++
			lo, hi = math.Min(lo, x[i]), math.Max(hi, x[i])
		}
		got := histPercentiles(h, n, percentileLevels[:], lo, hi)
		sorted := make([]float64, n)
		seriesStats(x, sorted)
		for i, p := range percentileLevels {
			if exact := percentile(sorted, p); math.Abs(got[i]-exact) > 0.006*math.Abs(exact)+1e-12 {
				t.Errorf("n %d, P%.0f: %g, exact %g", n, 100*p, got[i], exact)
			}
		}
	}
}
