package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"corecast/model"
)

// TestDeployAllMatchesThresholds checks the table and the branch-free count
// of deployAll against the plain reading of the thresholds, deployYears,
// for uniforms drawn at random and for those at and beside every slice
// edge and every threshold, for deployment times of every length.
func TestDeployAllMatchesThresholds(t *testing.T) {
	dists := map[string]model.Distribution{
		"triangular 1–3.5": model.TriangularDist(1, 2, 3.5),
		"pert 0.5–4":       model.PERTDist(0.5, 1.5, 4),
		"uniform 0.25–8":   model.UniformDist(0.25, 8),
		"fixed 2":          model.FixedDist(2),
		"long":             model.UniformDist(3, 20),
	}
	for name, d := range dists {
		for _, db := range []float64{-0.5, 0, 0.13, 0.3, 3} {
			sc := model.DefaultScenario()
			sc.DeployYears = d
			p, err := newPlan(synthetic(3, 1), sc)
			if err != nil {
				t.Fatal(err)
			}
			w := newWorker(p, &Result{}, nil)
			cuts := w.deployCuts(db)
			var us []float64
			for k := 0; k <= deployBuckets; k++ {
				e := float64(k) / deployBuckets
				us = append(us, e, math.Nextafter(e, 0), math.Nextafter(e, 1))
			}
			for _, c := range cuts {
				us = append(us, c, math.Nextafter(c, 0), math.Nextafter(c, 1))
			}
			r := rand.New(rand.NewPCG(1, 2))
			for range 5000 {
				us = append(us, unitFrom(r.Uint64()))
			}
			var in []float64
			for _, u := range us {
				if u > 0 && u < 1 {
					in = append(in, u)
				}
			}
			w.draws.u, w.draws.years = in, make([]int32, len(in))
			w.deployAll(db)
			for k, u := range in {
				if got, want := int(w.draws.years[k]), w.deployYears(u); got != want {
					t.Fatalf("%s, db %g: u %v gives %d years, thresholds %v give %d", name, db, u, got, cuts, want)
				}
			}
		}
	}
}
