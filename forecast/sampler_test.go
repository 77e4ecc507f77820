package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"corecast/model"
)

// analytic gives a distribution's mean and a few quantiles from gonum.
type analytic struct {
	mean     float64
	quantile func(p float64) float64
}

func analyticOf(d model.Distribution) analytic {
	switch d.Kind {
	case model.Uniform:
		u := distuv.Uniform{Min: d.Min, Max: d.Max}
		return analytic{u.Mean(), u.Quantile}
	case model.Triangular:
		tr := distuv.NewTriangle(d.Min, d.Max, d.Mode, nil)
		return analytic{tr.Mean(), tr.Quantile}
	case model.PERT:
		a := 1 + 4*(d.Mode-d.Min)/(d.Max-d.Min)
		b := 1 + 4*(d.Max-d.Mode)/(d.Max-d.Min)
		be := distuv.Beta{Alpha: a, Beta: b}
		return analytic{(d.Min + 4*d.Mode + d.Max) / 6, func(p float64) float64 { return d.Min + (d.Max-d.Min)*be.Quantile(p) }}
	case model.Normal:
		n := distuv.Normal{Mu: d.Mean, Sigma: d.SD}
		return analytic{n.Mean(), n.Quantile}
	case model.Lognormal:
		m, s := d.LogParams()
		l := distuv.LogNormal{Mu: math.Log(m), Sigma: s}
		return analytic{l.Mean(), l.Quantile}
	}
	return analytic{d.Value, func(float64) float64 { return d.Value }}
}

var testDists = []struct {
	name string
	d    model.Distribution
}{
	{"uniform", model.UniformDist(0.5, 0.9)},
	{"triangular", model.TriangularDist(1, 2, 3.5)},
	{"triangular at min", model.TriangularDist(1, 1, 3)},
	{"pert", model.PERTDist(0.1, 0.3, 1.0)},
	{"pert symmetric", model.PERTDist(1, 2, 3)},
	{"pert at max", model.PERTDist(1, 3, 3)},
	{"normal", model.NormalDist(0.02, 0.01)},
	{"lognormal", model.LognormalDist(450, 0.5)},
	{"lognormal p10/p90", func() model.Distribution {
		d := model.NewDistribution(model.Lognormal)
		d.P10, d.P90 = 100, 400
		return d
	}()},
}

// TestSamplerDrawsMatchAnalyticMoments checks random and Latin hypercube
// draws by inversion: the sample mean within 4 standard errors of the
// analytic mean, and the sample P10/P50/P90 within 4 standard errors of the
// analytic quantiles (SE of a quantile ≈ √(p(1−p)/N) / f(x_p), with f
// estimated from the analytic quantile function).
func TestSamplerDrawsMatchAnalyticMoments(t *testing.T) {
	const n = 200_000
	for _, tc := range testDists {
		t.Run(tc.name, func(t *testing.T) {
			s, err := newSampler(tc.d)
			if err != nil {
				t.Fatal(err)
			}
			a := analyticOf(tc.d)
			for _, m := range []model.Sampling{model.Random, model.LHS} {
				x := make([]float64, n)
				drawColumn(&s, m, rand.New(rand.NewPCG(1, 2)), x, false)
				st := seriesStats(x, 0.8, new(selector))
				if math.Abs(st.Mean-a.mean) > 4*st.SE {
					t.Errorf("%s: mean %g, want %g ± %g", m, st.Mean, a.mean, 4*st.SE)
				}
				for _, p := range []float64{0.1, 0.5, 0.9} {
					want := a.quantile(p)
					const h = 1e-3
					density := 2 * h / (a.quantile(p+h) - a.quantile(p-h))
					se := math.Sqrt(p*(1-p)/n) / density
					got := map[float64]float64{0.1: st.P10, 0.5: st.P50, 0.9: st.P90}[p]
					if math.Abs(got-want) > 4*se {
						t.Errorf("%s: P%.0f %g, want %g ± %g", m, 100*p, got, want, 4*se)
					}
				}
			}
		})
	}
}

// TestSamplerQuantileMatchesGonum checks the quantile functions used for
// Latin hypercube draws against gonum's, including the fast PERT inversion.
func TestSamplerQuantileMatchesGonum(t *testing.T) {
	for _, tc := range testDists {
		s, err := newSampler(tc.d)
		if err != nil {
			t.Fatal(err)
		}
		a := analyticOf(tc.d)
		lo, _, hi := tc.d.Range()
		tol := 1e-9 * math.Max(1, hi-lo)
		for p := 0.001; p < 1; p += 0.0037 {
			if got, want := s.quantile(p), a.quantile(p); math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
				t.Errorf("%s: quantile(%g) = %.12g, want %.12g", tc.name, p, got, want)
				break
			}
		}
	}
}

func TestLatinHypercubeStratifies(t *testing.T) {
	const n = 1000
	s, _ := newSampler(model.UniformDist(0, 1))
	out := make([]float64, n)
	drawColumn(&s, model.LHS, rand.New(rand.NewPCG(3, 4)), out, false)
	seen := make([]int, n)
	for _, v := range out {
		seen[int(v*n)]++
	}
	for k, c := range seen {
		if c != 1 {
			t.Fatalf("stratum %d holds %d draws, want exactly 1", k, c)
		}
	}
	// In stratum order (for columns Iman–Conover re-pairs): sorted, one
	// draw per stratum.
	drawColumn(&s, model.LHS, rand.New(rand.NewPCG(3, 4)), out, true)
	for k, v := range out {
		if int(v*n) != k {
			t.Fatalf("ordered draw %d is %g, outside stratum %d", k, v, k)
		}
	}
	// Random sampling, by contrast, leaves strata empty.
	drawColumn(&s, model.Random, rand.New(rand.NewPCG(3, 4)), out, false)
	empty := 0
	clear(seen)
	for _, v := range out {
		seen[int(v*n)]++
	}
	for _, c := range seen {
		if c == 0 {
			empty++
		}
	}
	if empty == 0 {
		t.Error("random sampling filled every stratum; the test cannot tell LHS from random")
	}
}

func TestDistributionValidationRejectsBadParameters(t *testing.T) {
	bad := []model.Distribution{
		model.PERTDist(2, 1, 3),
		model.TriangularDist(1, 4, 3),
		model.UniformDist(2, 2),
		model.NormalDist(0, 0),
		model.LognormalDist(-1, 0.5),
		model.NewDistribution(model.Fixed),
	}
	for _, d := range bad {
		if _, err := newSampler(d); err == nil {
			t.Errorf("%s accepted, want an error", d)
		}
	}
}

// TestCDFInvertsQuantile checks F(Q(p)) = p for every continuous kind.
func TestCDFInvertsQuantile(t *testing.T) {
	for _, tc := range testDists {
		s, _ := newSampler(tc.d)
		for p := 0.01; p < 1; p += 0.0231 {
			if got := s.cdf(s.quantile(p)); math.Abs(got-p) > 1e-8 {
				t.Errorf("%s: F(Q(%g)) = %g", tc.name, p, got)
				break
			}
		}
	}
}

// TestDeployCutsGiveCeilOfQuantile checks that reading n_i off the
// thresholds gives max(1, ceil(Q(u)·(1 + db))), as DESIGN §5 step 4 defines
// it, also when Q is clamped to a domain.
func TestDeployCutsGiveCeilOfQuantile(t *testing.T) {
	type named = struct {
		name string
		d    model.Distribution
	}
	for _, tc := range append(testDists, named{"fixed", model.FixedDist(2)}, named{"normal to clamp", model.NormalDist(1, 0.6)},
		named{"lognormal to clamp", model.LognormalDist(3, 1.2)}) {
		p, err := newPlan(synthetic(3, 1), model.DefaultScenario())
		if err != nil {
			t.Fatal(err)
		}
		// Any distribution, not only one valid for deploy_years, drives the
		// thresholds; the domain's clamp applies to the unbounded ones.
		if p.deploy, err = newSampler(tc.d); err != nil {
			t.Fatal(err)
		}
		p.deploy.clampTo(model.Between(0.25, 20))
		w := newWorker(p, &Result{}, &[model.NumInputs][]float64{})
		r := rand.New(rand.NewPCG(5, 6))
		for _, db := range []float64{0, 0.13, 0.3, -0.5, 3, -2} {
			cut := w.deployCuts(db)
			for k := 0; k < 2000; k++ {
				u := openUnit(r)
				n := 1
				for n < len(cut)-1 && u > cut[n] {
					n++
				}
				want := min(max(math.Ceil(p.deploy.quantile(u)*(1+db)), 1), maxDeployYears)
				if float64(n) != want {
					// Only a draw within rounding of a whole number may differ.
					if d := p.deploy.quantile(u) * (1 + db); math.Abs(d-math.Round(d)) > 1e-9 {
						t.Fatalf("%s, db %g, u %g: n = %d, want %g", tc.name, db, u, n, want)
					}
				}
			}
		}
	}
}
