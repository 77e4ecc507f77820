package forecast

import (
	"math"
	"testing"

	"corecast/model"
)

// unclamped returns a copy of the plan whose samplers do not clamp.
func unclamped(p *plan) *plan {
	q := *p
	for j := range q.inputs {
		q.inputs[j].lo, q.inputs[j].hi = math.Inf(-1), math.Inf(1)
	}
	q.deploy.lo, q.deploy.hi = math.Inf(-1), math.Inf(1)
	return &q
}

// Draws of an accepted unbounded distribution are clamped to the input's
// domain; every draw inside it is unchanged.
func TestUnboundedDrawsClampedToTheDomain(t *testing.T) {
	sc := model.DefaultScenario()
	// Accepted (0.01% and 99.99% quantiles inside 0–3 and −0.1–0.3), but a
	// Latin hypercube of 100,000 reaches further into the tails.
	sc.OptimismBias = model.NormalDist(1.5, 0.4)
	sc.Inflation = model.NormalDist(0.1, 0.053)
	sc.UnitCost[model.Acute] = model.NormalDist(1, 0.26)
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	const n = 100_000
	p, err := newPlan(synthetic(5, 1), sc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := drawInputs(p, n, 2)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := drawInputs(unclamped(p), n, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		input  int
		lo, hi float64
	}{
		{model.InputOptimismBias, 0, 3},
		{model.InputInflation, -0.1, 0.3},
		{int(model.Acute), math.Nextafter(0, 1), math.Inf(1)},
	} {
		clamped := 0
		for s, v := range got[c.input] {
			r := raw[c.input][s]
			switch {
			case r < c.lo:
				if v != c.lo {
					t.Fatalf("input %d, iteration %d: %g below the domain became %g, want %g", c.input, s, r, v, c.lo)
				}
				clamped++
			case r > c.hi:
				if v != c.hi {
					t.Fatalf("input %d, iteration %d: %g above the domain became %g, want %g", c.input, s, r, v, c.hi)
				}
				clamped++
			case math.Float64bits(v) != math.Float64bits(r):
				t.Fatalf("input %d, iteration %d: %g inside the domain became %g", c.input, s, r, v)
			}
		}
		if clamped == 0 {
			t.Errorf("input %d: no draw reached the clamp; the test checks nothing", c.input)
		}
	}
}

// A scenario whose draws never leave their domains gives the same draws,
// bit for bit, with and without the clamp.
func TestClampLeavesInsideDrawsAlone(t *testing.T) {
	for _, m := range []model.Sampling{model.LHS, model.Random} {
		sc := model.DefaultScenario() // inflation is normal, 12 sd inside its domain
		sc.Sampling = m
		sc.DeployYears = model.LognormalDist(2, 0.3)
		p, err := newPlan(synthetic(5, 1), sc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := drawInputs(p, 20_000, 1)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := drawInputs(unclamped(p), 20_000, 1)
		if err != nil {
			t.Fatal(err)
		}
		for j := range got {
			for s := range got[j] {
				if math.Float64bits(got[j][s]) != math.Float64bits(raw[j][s]) {
					t.Fatalf("%s: input %d, iteration %d: %g, want %g", m, j, s, got[j][s], raw[j][s])
				}
			}
		}
		for x := 0.25; x < 20; x += 0.25 {
			if a, b := p.deploy.cdf(x), unclamped(p).deploy.cdf(x); a != b {
				t.Fatalf("deploy_years F(%g) = %g, want %g", x, a, b)
			}
		}
	}
}

// deploy_years' draws are clamped per trust too: with the distribution
// reaching below 0.25 and above 20 years, thresholds are 0 below the domain
// and 1 from its top.
func TestDeployYearsClamped(t *testing.T) {
	s, err := newSampler(model.NormalDist(10, 4))
	if err != nil {
		t.Fatal(err)
	}
	s.clampTo(model.Between(0.25, 20))
	for _, c := range []struct{ x, want float64 }{{0.2, 0}, {-5, 0}, {20, 1}, {25, 1}} {
		if got := s.cdf(c.x); got != c.want {
			t.Errorf("F(%g) = %g, want %g", c.x, got, c.want)
		}
	}
	if got := s.cdf(0.25); !(got > 0 && got < 0.01) {
		t.Errorf("F(0.25) = %g, want the normal's own", got)
	}
	if q := s.quantile(1e-6); q != 0.25 {
		t.Errorf("Q(1e-6) = %g, want 0.25", q)
	}
	if q := s.quantile(1 - 1e-6); q != 20 {
		t.Errorf("Q(1-1e-6) = %g, want 20", q)
	}
}
