package forecast

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"corecast/model"
)

// drawPaired gives each row the value the drawing-then-re-pairing it
// replaced gave: the column drawn whole (in stratum order under Latin
// hypercube sampling), sorted, and its value of rank k put in row rows[k].
// A quantile function that is not monotone (a reversed uniform here) takes
// the sorting path.
func TestDrawPairedMatchesDrawThenReorder(t *testing.T) {
	samplers := map[string]sampler{
		"reversed uniform": {kind: model.Uniform, uniform: distuv.Uniform{Min: 1, Max: 0}},
	}
	for _, tc := range testDists {
		s, err := newSampler(tc.d)
		if err != nil {
			t.Fatal(err)
		}
		samplers[tc.name] = s
	}
	const n = 5000
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = int32(i)
	}
	rand.New(rand.NewPCG(1, 1)).Shuffle(n, func(a, b int) { rows[a], rows[b] = rows[b], rows[a] })
	for name, s := range samplers {
		for _, m := range []model.Sampling{model.LHS, model.Random} {
			vals := make([]float64, n)
			drawColumn(&s, m, rand.New(rand.NewPCG(5, 6)), vals, m == model.LHS)
			slices.Sort(vals)
			want := make([]float64, n)
			for k, row := range rows {
				want[row] = vals[k]
			}
			got := make([]float64, n)
			drawPaired(&s, m, rand.New(rand.NewPCG(5, 6)), got, rows)
			for i := range got {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Errorf("%s, %s: row %d is %g, want %g", name, m, i, got[i], want[i])
					break
				}
			}
		}
	}
}
