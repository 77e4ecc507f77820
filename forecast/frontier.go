package forecast

import (
	"context"
	"math"
	"time"

	"corecast/model"
)

// FrontierOptions sets the grid of the investment frontier (DESIGN §7).
// Zero values take the defaults.
type FrontierOptions struct {
	// UpliftMax is the largest uniform uplift on the grid, £m a year; 0 takes
	// the least uplift at which P stops rising at the largest capacity.
	UpliftMax   float64
	UpliftSteps int // points from 0 to UpliftMax; default 16
	// CapacityMin … CapacityMax in CapacitySteps points; default 40 to 320 in 8.
	CapacityMin, CapacityMax, CapacitySteps int
	// Goal is the probability the frontier line is drawn for; default 0.8.
	Goal float64
	// ToleranceM is the grid of the uplifts searched for, £m; default 10.
	ToleranceM float64
}

func (o *FrontierOptions) defaults() {
	if o.UpliftSteps < 2 {
		o.UpliftSteps = 16
	}
	if o.CapacityMin <= 0 {
		o.CapacityMin = 40
	}
	if o.CapacityMax < o.CapacityMin {
		o.CapacityMax = max(320, o.CapacityMin)
	}
	if o.CapacitySteps < 1 {
		o.CapacitySteps = 8
	}
	if o.CapacityMax == o.CapacityMin {
		o.CapacitySteps = 1
	}
	if !(o.Goal > 0 && o.Goal < 1) {
		o.Goal = 0.8
	}
	if o.ToleranceM <= 0 {
		o.ToleranceM = 10
	}
}

// capacities returns the grid's capacities, CapacityMin to CapacityMax.
func (o *FrontierOptions) capacities() []int {
	out := make([]int, 0, o.CapacitySteps)
	for k := 0; k < o.CapacitySteps; k++ {
		c := o.CapacityMin
		if o.CapacitySteps > 1 {
			c += int(math.Round(float64(k*(o.CapacityMax-o.CapacityMin)) / float64(o.CapacitySteps-1)))
		}
		out = append(out, c)
	}
	return out
}

// FrontierPoint is the frontier line at one capacity: the least uniform
// uplift giving P ≥ goal there, or none when even unlimited money does not
// (deployment time and the target year bind; Best is then the most P gets).
type FrontierPoint struct {
	Capacity int
	Reached  bool
	Uplift   float64 // £m a year, when reached
	P        float64 // P at Uplift, or the best any uplift gives
}

// PricePoint is one point of the price of confidence: the least uniform
// uplift giving P ≥ Goal at the scenario's capacity, or not reached when
// the goal is above the ceiling.
type PricePoint struct {
	Goal    float64
	Reached bool
	Uplift  float64 // £m a year
	P       float64 // P at Uplift
}

// PriceGoals are the confidence levels the price of confidence is given for.
var PriceGoals = []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}

// FrontierResult is P(all trusts core by target_year) over a grid of
// uniform uplift × capacity_starts, the frontier line for the goal, and the
// price of confidence at the scenario's capacity, all with common random
// numbers: every point re-runs only the schedule of the same draws.
type FrontierResult struct {
	Goal       float64
	Uplifts    []float64 // £m a year, ascending
	Capacities []int     // starts a year, ascending
	// P[c][u] is P at Capacities[c] and Uplifts[u].
	P    [][]float64
	Line []FrontierPoint // one per capacity
	// Capacity is the scenario's; Ceiling the highest P any uplift gives
	// there, reached from CeilingUplift; Price the least uplift for each of
	// PriceGoals.
	Capacity      int
	Ceiling       float64
	CeilingUplift float64
	Price         []PricePoint
	ToleranceM    float64
	Iterations    int
	Evaluations   int
	Elapsed       time.Duration
	// Options are the options the frontier was asked for, defaults filled
	// in and UpliftMax as given (0 when the grid's top was found), so that
	// an export can record them and the frontier be computed again.
	Options FrontierOptions
}

// Frontier computes the investment frontier of DESIGN §7 for scenario sc.
// The uplifts are absolute: the scenario's own uplift is not added.
// opts.Progress, if set, hears of each row of the grid as it is done.
func Frontier(ctx context.Context, in model.Inputs, sc model.Scenario, fo FrontierOptions, opts Options) (*FrontierResult, error) {
	start := time.Now()
	fo.defaults()
	sn, err := scheduleOnly(ctx, in, sc, opts)
	if err != nil {
		return nil, err
	}
	r := &FrontierResult{Goal: fo.Goal, Capacity: sc.CapacityStarts, ToleranceM: fo.ToleranceM, Iterations: sn.iterations(), Options: fo}
	pAt := func(uplift float64, capacity int) (float64, error) {
		r.Evaluations++
		return sn.pAllCore(ctx, lever{uplift: uplift, capacity: capacity}, opts.Workers)
	}
	onGrid := func(x float64) float64 { return math.Ceil(x/fo.ToleranceM) * fo.ToleranceM }
	r.Capacities = fo.capacities()
	if fo.UpliftMax <= 0 {
		top := r.Capacities[len(r.Capacities)-1]
		best, err := pAt(unlimited, top)
		if err != nil {
			return nil, err
		}
		fo.UpliftMax, _, err = leastReaching(func(x float64) (float64, error) { return pAt(x, top) }, best, fo.ToleranceM, onGrid(500), onGrid)
		if err != nil {
			return nil, err
		}
		fo.UpliftMax = max(fo.UpliftMax, fo.ToleranceM*float64(fo.UpliftSteps-1))
	}
	for k := 0; k < fo.UpliftSteps; k++ {
		r.Uplifts = append(r.Uplifts, onGrid(fo.UpliftMax*float64(k)/float64(fo.UpliftSteps-1)))
	}
	r.P = make([][]float64, len(r.Capacities))
	// Progress counts the grid's rows and then the price of confidence.
	progress := func(done int) {
		if opts.Progress != nil {
			opts.Progress(done, len(r.Capacities)+1)
		}
	}
	progress(0)
	for ci, c := range r.Capacities {
		r.P[ci] = make([]float64, len(r.Uplifts))
		for ui, u := range r.Uplifts {
			if r.P[ci][ui], err = pAt(u, c); err != nil {
				return nil, err
			}
		}
		pt := FrontierPoint{Capacity: c}
		if pt.P, err = pAt(unlimited, c); err != nil {
			return nil, err
		}
		if pt.P >= fo.Goal {
			pt.Reached = true
			pt.Uplift, pt.P, err = leastReaching(func(x float64) (float64, error) { return pAt(x, c) }, fo.Goal, fo.ToleranceM, onGrid(500), onGrid)
			if err != nil {
				return nil, err
			}
		}
		r.Line = append(r.Line, pt)
		progress(ci + 1)
	}
	if err := r.price(sn, pAt, onGrid); err != nil {
		return nil, err
	}
	progress(len(r.Capacities) + 1)
	r.Elapsed = time.Since(start)
	return r, nil
}

// price fills the price of confidence at the scenario's capacity.
func (r *FrontierResult) price(sn *snapshot, pAt func(float64, int) (float64, error), onGrid func(float64) float64) error {
	c := r.Capacity
	var err error
	if r.Ceiling, err = pAt(unlimited, c); err != nil {
		return err
	}
	at := func(x float64) (float64, error) { return pAt(x, c) }
	if r.CeilingUplift, _, err = leastReaching(at, r.Ceiling, r.ToleranceM, onGrid(500), onGrid); err != nil {
		return err
	}
	for _, g := range PriceGoals {
		pp := PricePoint{Goal: g}
		if r.Ceiling >= g {
			pp.Reached = true
			if pp.Uplift, pp.P, err = leastReaching(at, g, r.ToleranceM, onGrid(500), onGrid); err != nil {
				return err
			}
		}
		r.Price = append(r.Price, pp)
	}
	return nil
}

// scheduleOnly prepares the schedule-only re-runs of scenario sc with no
// uplift of its own: the plan, the scenario-level draws and every
// iteration's trust-level draws and costs.
func scheduleOnly(ctx context.Context, in model.Inputs, sc model.Scenario, opts Options) (*snapshot, error) {
	sc.ClearUplift()
	a, err := newAnalysis(ctx, in, sc, opts)
	if err != nil {
		return nil, err
	}
	return newSnapshot(ctx, a.plan, &a.theta, opts.Workers)
}
