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
	// Iterations is the number of iterations run at each point of the
	// search; 0 means the scenario's own. The scenario the fit offers keeps
	// the scenario's own whatever the search ran.
	Iterations int
	// DurationBias also fits duration_bias, as a fixed value.
	DurationBias bool
}

// DeliveryPoint is one point a delivery calibration evaluated, with the
// log-likelihood of the observations there.
type DeliveryPoint struct {
	CapacityStarts int
	DeployMode     float64
	DurationBias   float64 // NaN unless fitted
	LogLik         float64
}

// DeliveryFit is the outcome of a delivery calibration (DESIGN §7): the
// capacity_starts and deploy_years mode (and duration_bias) under which the
// observations are most likely, with the ranges of the values evaluated
// whose log-likelihood is within 2 units of the best.
type DeliveryFit struct {
	// The best point evaluated anywhere in the search.
	CapacityStarts int
	DeployMode     float64
	DurationBias   float64 // NaN unless fitted
	LogLik         float64
	// The least and greatest value of each parameter among the points
	// evaluated whose log-likelihood is within 2 units of the best.
	CapacityRange [2]int
	DeployRange   [2]float64
	DurationRange [2]float64 // NaN unless fitted
	TrustYears    int        // observed trust-years
	ObservedCore  int        // of them, observed core
	Iterations    int        // run at each point
	// Points are every point evaluated, in the order first run.
	Points []DeliveryPoint
	// Edges names each best value that lies on the edge of the region
	// searched: the likelihood may rise beyond it.
	Edges []string
	// Scenario is the base scenario with the best values, iterations and
	// seed as the base's.
	Scenario model.Scenario
}

// CalibrateDelivery fits the delivery parameters to the inputs'
// observations by maximising Σ [o log p + (1−o) log(1−p)] over the observed
// trust-years, p the forecast P(core by the year) clamped to
// [1/(2N), 1 − 1/(2N)]: on a grid, then refined around its best point, then
// scanned along each parameter from the best for the range, re-centring
// when a scan finds a likelier point. Every point runs the same seed with
// the same scenario-level draws, and the trust-level draws come in the same
// order whatever the point, so differences between points are the
// parameters', not sampling noise.
func CalibrateDelivery(ctx context.Context, in model.Inputs, sc model.Scenario, opts DeliveryOptions) (*DeliveryFit, error) {
	search := sc
	if opts.Iterations > 0 {
		search.Iterations = opts.Iterations
	}
	a, err := newAnalysis(ctx, in, search, opts.Options)
	if err != nil {
		return nil, err
	}
	if err := enoughObservations(a.plan.obs); err != nil {
		return nil, err
	}
	// The space's base is sc, not search: the scenario offered keeps the
	// base's iterations.
	space, err := newDeliverySpace(sc, opts.DurationBias)
	if err != nil {
		return nil, err
	}
	ev := newDeliveryEval(func(q deliveryPoint) (float64, error) { return a.deliveryLogLik(in, q) })
	if err := space.search(ev); err != nil {
		return nil, err
	}
	f := ev.fit(space)
	o := a.plan.obs
	f.TrustYears, f.Iterations = o.pairs(), search.Iterations
	for _, c := range o.core {
		if c {
			f.ObservedCore++
		}
	}
	return f, nil
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

// deliveryEval evaluates delivery points, remembering each point's
// log-likelihood and the best point so far, so that whatever part of the
// search evaluates a point, a likelier one becomes the best.
type deliveryEval struct {
	run  func(deliveryPoint) (float64, error)
	seen map[deliveryPoint]float64
	// points lists the points in the order first run, so the fit does not
	// depend on map order.
	points []DeliveryPoint
	best   deliveryPoint
	bestLL float64
}

// newDeliveryEval evaluates points by run.
func newDeliveryEval(run func(deliveryPoint) (float64, error)) *deliveryEval {
	return &deliveryEval{run: run, seen: map[deliveryPoint]float64{}, bestLL: math.Inf(-1)}
}

// logLik returns the log-likelihood of the observations at point q,
// running it only the first time.
func (ev *deliveryEval) logLik(q deliveryPoint) (float64, error) {
	key := q
	if math.IsNaN(key.db) {
		key.db = -1 // NaN keys never match
	}
	if v, ok := ev.seen[key]; ok {
		return v, nil
	}
	ll, err := ev.run(q)
	if err != nil {
		return 0, err
	}
	ev.seen[key] = ll
	ev.points = append(ev.points, DeliveryPoint{CapacityStarts: q.capacity, DeployMode: q.mode, DurationBias: q.db, LogLik: ll})
	// Strictly greater: of equal points the first run stays the best, so
	// the fit does not depend on which part of the search came later.
	if ll > ev.bestLL {
		ev.best, ev.bestLL = q, ll
	}
	return ll, nil
}

// deliveryLogLik runs the model at point q with the analysis's draws and
// returns the log-likelihood of the observations.
func (a *analysis) deliveryLogLik(in model.Inputs, q deliveryPoint) (float64, error) {
	p, err := newPlan(in, q.scenario(a.plan.sc))
	if err != nil {
		return 0, fmt.Errorf("delivery calibration at capacity %d, deploy mode %g: %w", q.capacity, q.mode, err)
	}
	theta := a.theta
	if !math.IsNaN(q.db) {
		theta[model.InputDurationBias] = constantColumn(q.db, len(theta[0]))
	}
	opts := a.opts
	opts.Progress = nil
	res, err := simulate(a.ctx, p, &theta, opts, true)
	if err != nil {
		return 0, err
	}
	return bernoulliLogLik(res.Hindcast.Pairs, res.Iterations), nil
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
