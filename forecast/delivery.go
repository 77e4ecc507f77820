package forecast

import (
	"context"
	"errors"
	"fmt"
	"math"

	"corecast/model"
)

// ErrFewObservations says the observations cannot support a delivery
// calibration: too few observed trust-years, or no variation among them.
var ErrFewObservations = errors.New("too few observations to calibrate delivery")

// MinObservedTrustYears is the fewest observed trust-years a delivery
// calibration accepts.
const MinObservedTrustYears = 20

// CalibratedDeliveryName names the scenario a delivery calibration offers.
const CalibratedDeliveryName = "Calibrated delivery"

// DeliveryOptions controls a delivery calibration.
type DeliveryOptions struct {
	Options
	// DurationBias also fits duration_bias, as a fixed value.
	DurationBias bool
}

// DeliveryFit is the outcome of a delivery calibration (DESIGN §7): the
// capacity_starts and deploy_years mode (and duration_bias) under which the
// observations are most likely, with the ranges of the values evaluated
// whose log-likelihood is within 2 units of the best.
type DeliveryFit struct {
	CapacityStarts int
	DeployMode     float64
	DurationBias   float64 // NaN unless fitted
	LogLik         float64
	CapacityRange  [2]int
	DeployRange    [2]float64
	DurationRange  [2]float64 // NaN unless fitted
	TrustYears     int        // observed trust-years
	ObservedCore   int        // of them, observed core
	Evaluated      int        // grid points run
	// Edges names each best value that lies on the edge of the region
	// searched: the likelihood may rise beyond it.
	Edges    []string
	Scenario model.Scenario
}

// CalibrateDelivery fits the delivery parameters to the inputs'
// observations by maximising Σ [o log p + (1−o) log(1−p)] over the observed
// trust-years, p the forecast P(core by the year) clamped to
// [1/(2N), 1 − 1/(2N)]: on a grid, then refined around its best point.
// Every point runs the same seed with the same scenario-level draws, and
// the trust-level draws come in the same order whatever the point, so
// differences between points are the parameters', not sampling noise.
func CalibrateDelivery(ctx context.Context, in model.Inputs, sc model.Scenario, opts DeliveryOptions) (*DeliveryFit, error) {
	a, err := newAnalysis(ctx, in, sc, opts.Options)
	if err != nil {
		return nil, err
	}
	if err := enoughObservations(a.plan.obs); err != nil {
		return nil, err
	}
	space, err := newDeliverySpace(sc, opts.DurationBias)
	if err != nil {
		return nil, err
	}
	ev := &deliveryEval{a: a, in: in, seen: map[deliveryPoint]float64{}}
	best, err := space.search(ev)
	if err != nil {
		return nil, err
	}
	return ev.fit(space, best)
}

// enoughObservations refuses observations that cannot identify the
// delivery parameters.
func enoughObservations(o *observations) error {
	if o == nil || o.pairs() < MinObservedTrustYears {
		n := 0
		if o != nil {
			n = o.pairs()
		}
		return fmt.Errorf("%w: it needs at least %d observed trust-years (a trust's state by an observed year), and the inputs have %d",
			ErrFewObservations, MinObservedTrustYears, n)
	}
	core := 0
	for _, c := range o.core {
		if c {
			core++
		}
	}
	if core == 0 || core == o.pairs() {
		return fmt.Errorf("%w: all %d observed trust-years are %s; it needs some observed core and some not",
			ErrFewObservations, o.pairs(), map[bool]string{true: "core", false: "not core"}[core > 0])
	}
	return nil
}

// deliveryPoint is one setting of the delivery parameters; db is NaN when
// duration_bias keeps the scenario's distribution.
type deliveryPoint struct {
	capacity int
	mode     float64
	db       float64
}

// deliveryEval runs the model at delivery points, remembering each
// point's log-likelihood.
type deliveryEval struct {
	a    *analysis
	in   model.Inputs
	seen map[deliveryPoint]float64
	// order lists the points in the order first run, so the fit's ranges
	// do not depend on map order.
	order []deliveryPoint
}

// logLik returns the log-likelihood of the observations at point q.
func (ev *deliveryEval) logLik(q deliveryPoint) (float64, error) {
	key := q
	if math.IsNaN(key.db) {
		key.db = -1 // NaN keys never match
	}
	if v, ok := ev.seen[key]; ok {
		return v, nil
	}
	p, err := newPlan(ev.in, q.scenario(ev.a.plan.sc))
	if err != nil {
		return 0, fmt.Errorf("delivery calibration at capacity %d, deploy mode %g: %w", q.capacity, q.mode, err)
	}
	theta := ev.a.theta
	if !math.IsNaN(q.db) {
		theta[model.InputDurationBias] = constantColumn(q.db, len(theta[0]))
	}
	opts := ev.a.opts
	opts.Progress = nil
	res, err := simulate(ev.a.ctx, p, &theta, opts, true)
	if err != nil {
		return 0, err
	}
	ll := bernoulliLogLik(res.Hindcast.Pairs, res.Iterations)
	ev.seen[key] = ll
	ev.order = append(ev.order, q)
	return ll, nil
}

// bernoulliLogLik is Σ [o log p + (1−o) log(1−p)] over the pairs, with p
// kept 1/(2N) from 0 and 1: an event no iteration showed is unlikely, not
// impossible.
func bernoulliLogLik(pairs []HindcastPair, n int) float64 {
	eps := 1 / (2 * float64(n))
	ll := 0.0
	for _, pr := range pairs {
		p := min(max(pr.P, eps), 1-eps)
		if pr.Observed {
			ll += math.Log(p)
		} else {
			ll += math.Log1p(-p)
		}
	}
	return ll
}

// constantColumn is n iterations of the value v.
func constantColumn(v float64, n int) []float64 {
	c := make([]float64, n)
	for s := range c {
		c[s] = v
	}
	return c
}
