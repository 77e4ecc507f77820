package forecast

import (
	"context"
	"errors"
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
	t.Logf("fit %+v", *fit)
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
		t.Errorf("one worker gives %+v, many %+v", *again, *fit)
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
