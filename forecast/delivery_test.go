package forecast

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"

	"corecast/model"
)

// observedFrom runs one iteration of the model under sc and returns, for
// each trust and each of the years, an observation saying whether that
// iteration had it core by then: observations as the world would give
// them if the model with sc's parameters were the truth.
func observedFrom(t *testing.T, in model.Inputs, sc model.Scenario, years []model.FinancialYear) []model.Observation {
	t.Helper()
	a, err := newAnalysis(context.Background(), in, sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := newWorker(a.plan, nil, &a.theta)
	w.begin(0, newPartial(a.plan.nTrusts, a.plan.nYears))
	th := w.inputs(0)
	w.costTrusts(&th)
	w.schedule()
	var out []model.Observation
	for i, tr := range in.Trusts {
		for _, y := range years {
			m := sc.CoreThreshold - 1
			if c := w.comp[i]; c != compNever && sc.BaseYear.Add(int(c)) <= y {
				m = sc.CoreThreshold
			}
			out = append(out, model.Observation{Code: tr.Code, Year: y, Maturity: m})
		}
	}
	return out
}

// deliveryCase is a portfolio whose delivery, not money, binds: a generous
// envelope, deployment times that vary by trust.
func deliveryCase() (model.Inputs, model.Scenario) {
	in := synthetic(200, 3)
	in.Funding = nil
	sc := fixedScenario()
	sc.EnvelopeAfterM = 1e6
	sc.Iterations = 200
	sc.DeployYears = model.TriangularDist(1, 2.5, 4)
	sc.CapacityStarts = 25
	return in, sc
}

func TestCalibrateDeliveryRecoversKnownParameters(t *testing.T) {
	in, truth := deliveryCase()
	truth.Seed = 99 // the world's draws are not the calibration's
	in.Observed = observedFrom(t, in, truth, []model.FinancialYear{2020, 2021, 2022, 2023, 2024})

	start := truth
	start.Seed = model.DefaultScenario().Seed
	start.CapacityStarts = 60
	start.DeployYears.Mode = 1.5
	fit, err := CalibrateDelivery(context.Background(), in, start, DeliveryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("best %d / %g at %g; ranges %v %v; %d points", fit.CapacityStarts, fit.DeployMode, fit.LogLik, fit.CapacityRange, fit.DeployRange, len(fit.Points))
	if c := fit.CapacityRange; truth.CapacityStarts < c[0] || truth.CapacityStarts > c[1] {
		t.Errorf("capacity %d outside the range %v (best %d)", truth.CapacityStarts, c, fit.CapacityStarts)
	}
	if m := fit.DeployRange; truth.DeployYears.Mode < m[0] || truth.DeployYears.Mode > m[1] {
		t.Errorf("deploy mode %g outside the range %v (best %g)", truth.DeployYears.Mode, m, fit.DeployMode)
	}
	if fit.Scenario.Name != CalibratedDeliveryName || fit.Scenario.CapacityStarts != fit.CapacityStarts || fit.Scenario.DeployYears.Mode != fit.DeployMode {
		t.Errorf("scenario %+v does not hold the fit", fit.Scenario)
	}
	if fit.TrustYears != 5*len(in.Trusts) {
		t.Errorf("trust-years %d, want %d", fit.TrustYears, 5*len(in.Trusts))
	}
	// The same seed gives the same fit, whatever the workers.
	again, err := CalibrateDelivery(context.Background(), in, start, DeliveryOptions{Options: Options{Workers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if again.LogLik != fit.LogLik || again.CapacityStarts != fit.CapacityStarts || again.DeployMode != fit.DeployMode {
		t.Errorf("one worker gives %d / %g at %g, many %d / %g at %g", again.CapacityStarts, again.DeployMode, again.LogLik, fit.CapacityStarts, fit.DeployMode, fit.LogLik)
	}
}

func TestCalibrateDeliveryRefusesFewObservations(t *testing.T) {
	in, sc := deliveryCase()
	in.Observed = observedFrom(t, in, sc, []model.FinancialYear{2021})[:10]
	_, err := CalibrateDelivery(context.Background(), in, sc, DeliveryOptions{})
	if !errors.Is(err, ErrFewObservations) {
		t.Fatalf("error %v, want ErrFewObservations", err)
	}
	in.Observed = nil
	for k := 0; k < 30; k++ {
		in.Observed = append(in.Observed, model.Observation{Code: in.Trusts[k].Code, Year: 2022, Maturity: 100})
	}
	if _, err := CalibrateDelivery(context.Background(), in, sc, DeliveryOptions{}); !errors.Is(err, ErrFewObservations) {
		t.Fatalf("all core: error %v, want ErrFewObservations", err)
	}
}

func TestBernoulliLogLikClamps(t *testing.T) {
	pairs := []HindcastPair{{P: 0, Observed: true}, {P: 1, Observed: true}}
	// p = 0 counts as 1/(2N) = 1/200; p = 1 as 1 − 1/200.
	got := bernoulliLogLik(pairs, 100)
	want := -5.298317366548036 + -0.005012541823544286
	if d := got - want; d > 1e-12 || d < -1e-12 {
		t.Errorf("log-likelihood %v, want %v", got, want)
	}
}

// With duration_bias fitted too, the world's duration_bias (0) lies within
// its reported range, and the scenario fixes it at the best value.
func TestCalibrateDeliveryDurationBias(t *testing.T) {
	in, truth := deliveryCase()
	truth.Seed = 99
	in.Observed = observedFrom(t, in, truth, []model.FinancialYear{2020, 2022, 2024})
	start := truth
	start.Seed = model.DefaultScenario().Seed
	start.Iterations = 100
	fit, err := CalibrateDelivery(context.Background(), in, start, DeliveryOptions{DurationBias: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("best %d, %g, %g; ranges %v %v %v", fit.CapacityStarts, fit.DeployMode, fit.DurationBias, fit.CapacityRange, fit.DeployRange, fit.DurationRange)
	if r := fit.DurationRange; !(r[0] <= 0 && 0 <= r[1]) || fit.DurationBias < r[0] || fit.DurationBias > r[1] {
		t.Errorf("duration_bias %g with range %v, want 0 within it", fit.DurationBias, r)
	}
	if d := fit.Scenario.DurationBias; d.Kind != model.Fixed || d.Value != fit.DurationBias {
		t.Errorf("scenario duration_bias %v, want fixed at %g", d, fit.DurationBias)
	}
}

// checkBestIsBest fails unless the fit's best point is one it evaluated
// and no point it evaluated is likelier.
func checkBestIsBest(t *testing.T, fit *DeliveryFit) {
	t.Helper()
	found := false
	for _, q := range fit.Points {
		if q.LogLik > fit.LogLik {
			t.Errorf("point %+v is likelier than the best reported, %d / %g at %g", q, fit.CapacityStarts, fit.DeployMode, fit.LogLik)
		}
		if q.CapacityStarts == fit.CapacityStarts && q.DeployMode == fit.DeployMode && sameDB(q.DurationBias, fit.DurationBias) && q.LogLik == fit.LogLik {
			found = true
		}
	}
	if !found {
		t.Errorf("the best reported, %d / %g / %g at %g, is not among the %d points evaluated", fit.CapacityStarts, fit.DeployMode, fit.DurationBias, fit.LogLik, len(fit.Points))
	}
}

// sameDB compares duration biases, NaN (not fitted) equal to NaN.
func sameDB(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

// checkRangesEvaluated fails unless each end of each range is the value of
// a point evaluated within 2 log-likelihood units of the best, and no point
// evaluated beyond an end is within 2 units: the range is never rounded
// outwards, nor cut short of what was evaluated.
func checkRangesEvaluated(t *testing.T, fit *DeliveryFit) {
	t.Helper()
	type dim struct {
		name   string
		lo, hi float64
		value  func(DeliveryPoint) float64
	}
	dims := []dim{
		{"capacity_starts", float64(fit.CapacityRange[0]), float64(fit.CapacityRange[1]), func(q DeliveryPoint) float64 { return float64(q.CapacityStarts) }},
		{"deploy_years mode", fit.DeployRange[0], fit.DeployRange[1], func(q DeliveryPoint) float64 { return q.DeployMode }},
	}
	if !math.IsNaN(fit.DurationBias) {
		dims = append(dims, dim{"duration_bias", fit.DurationRange[0], fit.DurationRange[1], func(q DeliveryPoint) float64 { return q.DurationBias }})
	}
	floor := fit.LogLik - 2
	for _, d := range dims {
		var loSeen, hiSeen bool
		for _, q := range fit.Points {
			v := d.value(q)
			within := q.LogLik >= floor
			loSeen = loSeen || within && v == d.lo
			hiSeen = hiSeen || within && v == d.hi
			if within && (v < d.lo || v > d.hi) {
				t.Errorf("%s: point %+v is within 2 units of the best (%g) but outside the range %g – %g", d.name, q, fit.LogLik, d.lo, d.hi)
			}
		}
		if !loSeen || !hiSeen {
			t.Errorf("%s: range %g – %g: an end is not the value of a point evaluated within 2 units of the best (%g)", d.name, d.lo, d.hi, fit.LogLik)
		}
	}
	if n := len(fit.Within()); n == 0 {
		t.Errorf("no point within 2 units of the best, not even the best")
	}
}

// surfaceSpace is the region searched around a scenario with capacity 80
// and deploy_years triangular(1, 2, 3.5): capacity 20–320, the mode 1–3.5
// (2.25 on the first grid), duration_bias 0–0.6 (0.3 on the first grid).
func surfaceSpace(t *testing.T, fitDB bool) *deliverySpace {
	t.Helper()
	sc := model.DefaultScenario()
	sc.CapacityStarts = 80
	sc.DeployYears = model.TriangularDist(1, 2, 3.5)
	s, err := newDeliverySpace(sc, fitDB)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDeliverySearchOnKnownSurfaces runs the search on log-likelihoods
// given as formulas, so that where the best point and the ranges must fall
// is known exactly.
func TestDeliverySearchOnKnownSurfaces(t *testing.T) {
	// u is log capacity relative to 80.
	u := func(q deliveryPoint) float64 { return math.Log(float64(q.capacity) / 80) }
	sq := func(x float64) float64 { return x * x }
	// The quadratic's 2-unit region: capacity 80·exp(±0.3√2) = 52.3 – 122.3,
	// so 53 – 122 in whole starts; the mode 2.25 ± 0.5√2; duration_bias
	// 0.3 ± 0.1√2.
	capHalf, modeHalf, dbHalf := 0.3*math.Sqrt2, 0.5*math.Sqrt2, 0.1*math.Sqrt2
	quadratic := func(q deliveryPoint) float64 {
		ll := -sq(u(q)/0.3) - sq((q.mode-2.25)/0.5)
		if !math.IsNaN(q.db) {
			ll -= sq((q.db - 0.3) / 0.1)
		}
		return ll
	}
	// A local peak (0) at capacity 80 that the grid and the refinement
	// settle on, and a narrow likelier one (1) at 80·e^0.35 ≈ 113 that only
	// a range scan, walking from 80 through values within 2 units, reaches.
	hidden := func(q deliveryPoint) float64 {
		return max(-4*math.Abs(u(q)), 1-44*math.Abs(u(q)-0.35)) - sq((q.mode-2.25)/0.5)
	}
	// Many local peaks: the search must still end, and report the best it saw.
	rugged := func(q deliveryPoint) float64 {
		return 3*math.Sin(37*u(q)) + 3*math.Sin(23*q.mode) - sq(u(q)) - sq(q.mode-2)
	}
	// The ends of a continuous range are placed to a quarter of the final
	// step inside the crossing.
	s := surfaceSpace(t, false)
	modeTol := s.finalStep()[1] / bisectSteps
	dbTol := surfaceSpace(t, true).finalStep()[2] / bisectSteps
	cases := []struct {
		name    string
		fitDB   bool
		ll      func(deliveryPoint) float64
		check   func(t *testing.T, f *DeliveryFit)
		maxRuns int // a loose bound on the cost; 0: none
	}{
		{"quadratic", false, quadratic, func(t *testing.T, f *DeliveryFit) {
			if f.CapacityStarts != 80 || f.DeployMode != 2.25 || f.LogLik != 0 {
				t.Errorf("best %d / %g at %g, want 80 / 2.25 at 0", f.CapacityStarts, f.DeployMode, f.LogLik)
			}
			want := [2]int{int(math.Ceil(80 * math.Exp(-capHalf))), int(math.Floor(80 * math.Exp(capHalf)))}
			if f.CapacityRange != want {
				t.Errorf("capacity range %v, want %v", f.CapacityRange, want)
			}
			lo, hi := 2.25-modeHalf, 2.25+modeHalf
			if r := f.DeployRange; r[0] < lo || r[0] > lo+modeTol || r[1] > hi || r[1] < hi-modeTol {
				t.Errorf("mode range %v, want within %g of [%g %g] and inside it", r, modeTol, lo, hi)
			}
		}, 200},
		{"quadratic with duration_bias", true, quadratic, func(t *testing.T, f *DeliveryFit) {
			if f.CapacityStarts != 80 || f.DeployMode != 2.25 || f.DurationBias != 0.3 {
				t.Errorf("best %d / %g / %g, want 80 / 2.25 / 0.3", f.CapacityStarts, f.DeployMode, f.DurationBias)
			}
			lo, hi := 0.3-dbHalf, 0.3+dbHalf
			if r := f.DurationRange; r[0] < lo || r[0] > lo+dbTol || r[1] > hi || r[1] < hi-dbTol {
				t.Errorf("duration_bias range %v, want within %g of [%g %g] and inside it", r, dbTol, lo, hi)
			}
			if d := f.Scenario.DurationBias; d.Kind != model.Fixed || d.Value != f.DurationBias {
				t.Errorf("scenario duration_bias %v, want fixed at %g", f.Scenario.DurationBias, f.DurationBias)
			}
		}, 600},
		{"likelier point found by a range scan", false, hidden, func(t *testing.T, f *DeliveryFit) {
			// The peak lies between 110 and 116 in the final step's grid.
			if f.LogLik <= 0.5 || f.CapacityStarts < 110 || f.CapacityStarts > 116 {
				t.Errorf("best %d / %g at %g, want the hidden peak near 113 (above 0.5), not the local one at 80 (0)", f.CapacityStarts, f.DeployMode, f.LogLik)
			}
		}, 300},
		{"rugged", false, rugged, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := surfaceSpace(t, c.fitDB)
			ev := newDeliveryEval(func(q deliveryPoint) (float64, error) { return c.ll(q), nil })
			if err := s.search(ev); err != nil {
				t.Fatal(err)
			}
			f := ev.fit(s)
			t.Logf("best %d / %g / %g at %g; ranges %v %v %v; %d points", f.CapacityStarts, f.DeployMode, f.DurationBias, f.LogLik,
				f.CapacityRange, f.DeployRange, f.DurationRange, len(f.Points))
			checkBestIsBest(t, f)
			checkRangesEvaluated(t, f)
			if c.maxRuns > 0 && len(f.Points) > c.maxRuns {
				t.Errorf("%d points run, want at most %d", len(f.Points), c.maxRuns)
			}
			if f.Scenario.CapacityStarts != f.CapacityStarts || f.Scenario.DeployYears.Mode != f.DeployMode {
				t.Errorf("scenario %+v does not hold the best point", f.Scenario)
			}
			if c.check != nil {
				c.check(t, f)
			}
		})
	}
}

// deliveryFitCases are calibrations on observations drawn from a known
// world, searched with fewer iterations than the base scenario's.
var deliveryFitCases = []struct {
	name         string
	durationBias bool
	iterations   int // searched at each point; 0: the base's
}{
	{"capacity and mode", false, 100},
	{"with duration_bias", true, 100},
	{"the base's iterations", false, 0},
}

// fitDeliveryCase runs the calibration of one of deliveryFitCases, the base
// scenario running 150 iterations with seed 7.
func fitDeliveryCase(t *testing.T, durationBias bool, iterations int) (model.Scenario, *DeliveryFit) {
	t.Helper()
	in, truth := deliveryCase()
	truth.Seed = 99 // the world's draws are not the calibration's
	in.Observed = observedFrom(t, in, truth, []model.FinancialYear{2020, 2022, 2024})
	base := truth
	base.Seed, base.Iterations = 7, 150
	base.CapacityStarts, base.DeployYears.Mode = 60, 1.5
	fit, err := CalibrateDelivery(context.Background(), in, base, DeliveryOptions{Iterations: iterations, DurationBias: durationBias})
	if err != nil {
		t.Fatal(err)
	}
	return base, fit
}

// The best reported is the likeliest point the search evaluated, wherever
// in the search it was run.
func TestCalibrateDeliveryBestIsBestEvaluated(t *testing.T) {
	for _, c := range deliveryFitCases {
		t.Run(c.name, func(t *testing.T) {
			_, fit := fitDeliveryCase(t, c.durationBias, c.iterations)
			checkBestIsBest(t, fit)
		})
	}
}

// Each range's ends are values evaluated within 2 log-likelihood units of
// the best, and nothing evaluated beyond them is.
func TestCalibrateDeliveryRangesAreEvaluated(t *testing.T) {
	for _, c := range deliveryFitCases {
		t.Run(c.name, func(t *testing.T) {
			_, fit := fitDeliveryCase(t, c.durationBias, c.iterations)
			checkRangesEvaluated(t, fit)
		})
	}
}

// The scenario offered is the base with the calibrated keys changed: its
// iterations and seed are the base's, not the search's.
func TestCalibrateDeliveryKeepsBaseIterations(t *testing.T) {
	for _, c := range deliveryFitCases {
		t.Run(c.name, func(t *testing.T) {
			base, fit := fitDeliveryCase(t, c.durationBias, c.iterations)
			want := c.iterations
			if want == 0 {
				want = base.Iterations
			}
			if fit.Iterations != want {
				t.Errorf("searched with %d iterations, want %d", fit.Iterations, want)
			}
			sc := fit.Scenario
			if sc.Iterations != base.Iterations || sc.Seed != base.Seed {
				t.Errorf("scenario has %d iterations, seed %d; want the base's %d, %d", sc.Iterations, sc.Seed, base.Iterations, base.Seed)
			}
			// Only the calibrated keys differ from the base. Unset
			// distribution parameters are NaN, so the scenarios are
			// compared as printed.
			like := base
			like.Name = CalibratedDeliveryName
			like.CapacityStarts = fit.CapacityStarts
			like.DeployYears.Mode = fit.DeployMode
			if c.durationBias {
				like.DurationBias = model.FixedDist(fit.DurationBias)
			}
			if got, want := fmt.Sprintf("%+v", sc), fmt.Sprintf("%+v", like); got != want {
				t.Errorf("scenario\n%s\nwant\n%s", got, want)
			}
		})
	}
}
