package forecast

import (
	"context"
	"fmt"
	"math"
	"time"

	"corecast/model"
)

// The levers a goal seek moves, named by their scenario keys.
const (
	LeverEnvelope = model.KeyEnvelopeUplift // £m a year on the national envelope
	LeverCapacity = model.KeyCapacityStarts // trusts that can start a year
)

// GoalSeekResult answers: what is the least that must change for P(all trusts
// core by target_year) to reach the goal?
type GoalSeekResult struct {
	Goal    float64 // the probability sought
	Lever   string  // LeverEnvelope or LeverCapacity
	Reached bool
	// Value is the smallest lever value found with P ≥ Goal: £m a year added
	// to the national envelope (the whole uplift, searched from 0 whatever
	// the scenario's own, so --set envelope_uplift_m=Value reproduces it),
	// or starts a year. Meaningful only when Reached.
	Value float64
	// P is P(all core by target) at Value (or, when not reached, the highest
	// any value of the lever gives).
	P float64
	// When the goal is not reached by the uplift: BestValue is the least
	// uplift that gives the highest P; CapacityNeeded is the least
	// capacity_starts at which the goal becomes reachable (0 when even
	// unlimited capacity does not reach it: deployment time binds), and
	// CapacityUplift the least uplift that reaches it there, with CapacityP
	// the P it gives.
	BestValue      float64
	CapacityNeeded int
	CapacityUplift float64
	CapacityP      float64
	// ToleranceM is the bracket width the uplift was bisected to, £m.
	ToleranceM float64
	// Binds says what stops the goal being reached when it is not, and
	// PUnbound is the P that unlimited envelope and capacity together give.
	Binds       Binding
	PUnbound    float64
	Evaluations int
	Iterations  int
	Elapsed     time.Duration
}

// unlimited stands for an envelope or capacity that never binds.
const unlimited = 1e12

// GoalSeekUplift finds the smallest uniform annual uplift to the national
// envelope giving P(all core by target) ≥ goal, to within toleranceM £m
// (default 1), among multiples of toleranceM added to the scenario's own uplift. Every evaluation uses the same seed, so the scenario-level and
// trust-level draws are common random numbers and P moves only because the
// envelope does; the search brackets by doubling and then bisects.
func GoalSeekUplift(ctx context.Context, in model.Inputs, sc model.Scenario, goal, toleranceM float64, opts Options) (*GoalSeekResult, error) {
	if toleranceM <= 0 {
		toleranceM = 1
	}
	_, g, err := goalSeekUplift(ctx, in, sc, goal, toleranceM, opts)
	return g, err
}

// goalSeekUplift is GoalSeekUplift, returning as well the analysis it
// searched on, whose snapshot other searches of the same scenario (the
// phased one) reuse rather than drawing and costing every iteration again.
func goalSeekUplift(ctx context.Context, in model.Inputs, sc model.Scenario, goal, toleranceM float64, opts Options) (*analysis, *GoalSeekResult, error) {
	// The search starts from no uplift at all, whatever the scenario's own:
	// the least uplift is the answer.
	sc.ClearUplift()
	a, g, err := newGoalSeek(ctx, in, sc, goal, opts)
	if err != nil {
		return nil, nil, err
	}
	g.Lever, g.ToleranceM = LeverEnvelope, toleranceM
	capacity := sc.CapacityStarts
	eval := func(extra float64) (float64, error) {
		g.Evaluations++
		return a.sn.pAllCore(a.ctx, lever{uplift: extra, capacity: capacity}, a.opts.Workers)
	}
	// Trial uplifts lie on a grid of the tolerance, so the answer is a round
	// figure that --set reproduces exactly. (First-fit scheduling is not
	// strictly monotone in the envelope: in a few iterations more money lets
	// one trust start earlier and crowd out another, so P can dip slightly
	// between neighbouring values; the answer is a value with P ≥ goal.)
	onGrid := func(x float64) float64 { return math.Ceil(x/toleranceM) * toleranceM }
	start := time.Now()
	if _, err := g.seek(a, eval, 0, toleranceM, onGrid(500), onGrid); err != nil || g.Reached {
		return a, g, err
	}
	err = g.whenOutOfReach(a, capacity, toleranceM, onGrid)
	g.Elapsed = time.Since(start)
	return a, g, err
}

// whenOutOfReach completes the answer when no uplift reaches the goal at the
// scenario's capacity: the least uplift that gives the best P there, and the
// least capacity_starts at which the goal becomes reachable, with the least
// uplift that reaches it at that capacity.
func (g *GoalSeekResult) whenOutOfReach(a *analysis, capacity int, tol float64, onGrid func(float64) float64) error {
	pAt := func(uplift float64, capacity int) (float64, error) {
		g.Evaluations++
		return a.sn.pAllCore(a.ctx, lever{uplift: uplift, capacity: capacity}, a.opts.Workers)
	}
	best := g.P
	// The least uplift whose P is the best any uplift gives (P is counted in
	// whole iterations, so equal means equal).
	v, _, err := leastReaching(func(x float64) (float64, error) { return pAt(x, capacity) }, best, tol, onGrid(500), onGrid)
	if err != nil {
		return err
	}
	g.BestValue = v
	// The least capacity at which unlimited money reaches the goal.
	pFree, err := pAt(unlimited, math.MaxInt32)
	if err != nil || pFree < g.Goal {
		return err
	}
	c, _, err := leastReaching(func(c float64) (float64, error) { return pAt(unlimited, int(c)) }, g.Goal, 1, float64(max(capacity, 1)), math.Ceil)
	if err != nil {
		return err
	}
	g.CapacityNeeded = int(c)
	g.CapacityUplift, g.CapacityP, err = leastReaching(func(x float64) (float64, error) { return pAt(x, g.CapacityNeeded) }, g.Goal, tol, onGrid(500), onGrid)
	return err
}

// leastReaching finds the least x ≥ 0 on the grid (round) with p(x) ≥ goal,
// bracketing from step by doubling and then bisecting to tol; the caller
// knows some x up to unlimited reaches it. It returns x and p(x).
func leastReaching(p func(float64) (float64, error), goal, tol, step float64, round func(float64) float64) (float64, float64, error) {
	lo, hi := 0.0, round(step)
	p0, err := p(0)
	if err != nil || p0 >= goal {
		return 0, p0, err
	}
	pHi := 0.0
	for {
		if pHi, err = p(hi); err != nil {
			return 0, 0, err
		}
		if pHi >= goal || hi >= unlimited {
			break
		}
		lo, hi = hi, min(round(hi*2), unlimited)
	}
	for hi-lo > tol {
		mid := round((lo + hi) / 2)
		if mid <= lo || mid >= hi {
			break
		}
		pm, err := p(mid)
		if err != nil {
			return 0, 0, err
		}
		if pm >= goal {
			hi, pHi = mid, pm
		} else {
			lo = mid
		}
	}
	return hi, pHi, nil
}

// GoalSeekCapacity finds the smallest capacity_starts giving P(all core by
// target) ≥ goal with the scenario's envelope.
func GoalSeekCapacity(ctx context.Context, in model.Inputs, sc model.Scenario, goal float64, opts Options) (*GoalSeekResult, error) {
	a, g, err := newGoalSeek(ctx, in, sc, goal, opts)
	if err != nil {
		return nil, err
	}
	g.Lever, g.ToleranceM = LeverCapacity, 0
	eval := func(c float64) (float64, error) {
		g.Evaluations++
		return a.sn.pAllCore(a.ctx, lever{capacity: int(c)}, a.opts.Workers)
	}
	return g.seek(a, eval, 0, 1, float64(max(1, sc.CapacityStarts)), math.Ceil)
}

func newGoalSeek(ctx context.Context, in model.Inputs, sc model.Scenario, goal float64, opts Options) (*analysis, *GoalSeekResult, error) {
	if !(goal > 0 && goal <= 1) {
		return nil, nil, fmt.Errorf("goal probability %g is outside (0, 1]", goal)
	}
	a, err := newAnalysis(ctx, in, sc, opts)
	if err != nil {
		return nil, nil, err
	}
	// Every trial changes only the envelope or the capacity: draw and cost
	// each iteration once and re-run only the schedule (DESIGN §7).
	if a.sn, err = newSnapshot(ctx, a.plan, &a.theta, opts.Workers); err != nil {
		return nil, nil, err
	}
	return a, &GoalSeekResult{Goal: goal, Iterations: sc.Iterations}, nil
}

// seek finds the smallest x ≥ lo (in the lever's own units: extra £m beyond
// the scenario's uplift, or starts a year) with eval(x) ≥ goal, bracketing
// from step by doubling and bisecting until the bracket is narrower than tol.
// round snaps a trial value to the lever's grid.
func (g *GoalSeekResult) seek(a *analysis, eval func(float64) (float64, error), offset, tol, step float64, round func(float64) float64) (*GoalSeekResult, error) {
	start := time.Now()
	defer func() { g.Elapsed = time.Since(start) }()
	capacityLever := g.Lever == LeverCapacity
	lo := 0.0
	if capacityLever {
		lo = 1
	}
	pLo, err := eval(lo)
	if err != nil {
		return nil, err
	}
	if pLo >= g.Goal {
		g.Reached, g.Value, g.P = true, offset+lo, pLo
		if capacityLever {
			g.Value = lo
		}
		return g, nil
	}
	// Can any value reach the goal?
	pInf, err := eval(unlimited)
	if err != nil {
		return nil, err
	}
	if pInf < g.Goal {
		g.P = pInf
		g.Binds, g.PUnbound, err = a.binding(g.Lever, g.Goal)
		return g, err
	}
	hi, pHi, err := g.bracket(eval, lo, step, tol, pInf, round)
	if err != nil {
		return nil, err
	}
	g.Reached, g.Value, g.P = true, hi, pHi
	if !capacityLever {
		g.Value = offset + hi
	}
	return g, nil
}

// bracket finds the least x with eval(x) ≥ the goal, knowing that eval(lo)
// falls short and that eval(unlimited) = pInf reaches it: it doubles from
// step until the goal is reached, then bisects until the bracket is no
// wider than tol. It returns x and eval(x).
func (g *GoalSeekResult) bracket(eval func(float64) (float64, error), lo, step, tol, pInf float64, round func(float64) float64) (float64, float64, error) {
	hi, pHi := round(step), 0.0
	for {
		var err error
		if pHi, err = eval(hi); err != nil {
			return 0, 0, err
		}
		if pHi >= g.Goal {
			break
		}
		lo, hi = hi, round(hi*2)
		if hi > unlimited {
			hi, pHi = unlimited, pInf
			break
		}
	}
	for hi-lo > tol {
		mid := round((lo + hi) / 2)
		if mid <= lo || mid >= hi {
			break
		}
		p, err := eval(mid)
		if err != nil {
			return 0, 0, err
		}
		if p >= g.Goal {
			hi, pHi = mid, p
		} else {
			lo = mid
		}
	}
	return hi, pHi, nil
}

// binding finds why no value of the lever reaches the goal, and the P that
// unlimited envelope and capacity together give. With both unlimited, only
// deployment time and the target year are left; if the goal is reachable
// then, the other lever binds.
func (a *analysis) binding(name string, goal float64) (Binding, float64, error) {
	free, err := a.sn.pAllCore(a.ctx, lever{uplift: unlimited, capacity: math.MaxInt32}, a.opts.Workers)
	switch {
	case err != nil:
		return BindsNothing, 0, err
	case free < goal:
		return BindsDeployment, free, nil
	case name == LeverEnvelope:
		return BindsCapacity, free, nil
	default:
		return BindsEnvelope, free, nil
	}
}
