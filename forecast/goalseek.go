package forecast

import (
	"context"
	"fmt"
	"math"
	"time"

	"corecast/model"
)

// GoalSeekResult answers: what is the least that must change for P(all trusts
// core by target_year) to reach the goal?
type GoalSeekResult struct {
	Goal    float64 // the probability sought
	Lever   string  // "envelope_uplift_m" or "capacity_starts"
	Reached bool
	// Value is the smallest lever value found with P ≥ Goal: £m a year added
	// to the national envelope (on top of the scenario's own uplift, already
	// included here, so --set envelope_uplift_m=Value reproduces it), or
	// starts a year. Meaningful only when Reached.
	Value float64
	// P is P(all core by target) at Value (or, when not reached, the highest
	// any value of the lever gives).
	P float64
	// ToleranceM is the bracket width the uplift was bisected to, £m.
	ToleranceM float64
	// Binding says what stops the goal being reached when it is not.
	Binding     string
	Evaluations int
	Iterations  int
	Elapsed     time.Duration
}

// String summarises the answer in one sentence.
func (g GoalSeekResult) String() string {
	if !g.Reached {
		return fmt.Sprintf("no %s reaches P ≥ %.0f%%: the most any reaches is %.1f%% (%s)", g.Lever, 100*g.Goal, 100*g.P, g.Binding)
	}
	if g.Lever == "capacity_starts" {
		return fmt.Sprintf("capacity_starts = %.0f a year gives P = %.1f%% ≥ %.0f%%", g.Value, 100*g.P, 100*g.Goal)
	}
	return fmt.Sprintf("envelope_uplift_m = %.0f (£m a year) gives P = %.1f%% ≥ %.0f%%", g.Value, 100*g.P, 100*g.Goal)
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
	a, g, err := newGoalSeek(ctx, in, sc, goal, opts)
	if err != nil {
		return nil, err
	}
	g.Lever, g.ToleranceM = "envelope_uplift_m", toleranceM
	capacity := sc.CapacityStarts
	eval := func(extra float64) (float64, error) {
		g.Evaluations++
		h, err := a.run(a.plan.withEnvelope(extra, capacity), &a.theta)
		return h.pAllCore, err
	}
	// Trial uplifts lie on a grid of the tolerance, so the answer is a round
	// figure that --set reproduces exactly. (First-fit scheduling is not
	// strictly monotone in the envelope: in a few iterations more money lets
	// one trust start earlier and crowd out another, so P can dip slightly
	// between neighbouring values; the answer is a value with P ≥ goal.)
	onGrid := func(x float64) float64 { return math.Ceil(x/toleranceM) * toleranceM }
	return g.seek(a, eval, sc.EnvelopeUpliftM, toleranceM, onGrid(500), onGrid)
}

// GoalSeekCapacity finds the smallest capacity_starts giving P(all core by
// target) ≥ goal with the scenario's envelope.
func GoalSeekCapacity(ctx context.Context, in model.Inputs, sc model.Scenario, goal float64, opts Options) (*GoalSeekResult, error) {
	a, g, err := newGoalSeek(ctx, in, sc, goal, opts)
	if err != nil {
		return nil, err
	}
	g.Lever, g.ToleranceM = "capacity_starts", 0
	eval := func(c float64) (float64, error) {
		g.Evaluations++
		h, err := a.run(a.plan.withEnvelope(0, int(c)), &a.theta)
		return h.pAllCore, err
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
	return a, &GoalSeekResult{Goal: goal, Iterations: sc.Iterations}, nil
}

// seek finds the smallest x ≥ lo (in the lever's own units: extra £m beyond
// the scenario's uplift, or starts a year) with eval(x) ≥ goal, bracketing
// from step by doubling and bisecting until the bracket is narrower than tol.
// round snaps a trial value to the lever's grid.
func (g *GoalSeekResult) seek(a *analysis, eval func(float64) (float64, error), offset, tol, step float64, round func(float64) float64) (*GoalSeekResult, error) {
	start := time.Now()
	defer func() { g.Elapsed = time.Since(start) }()
	capacityLever := g.Lever == "capacity_starts"
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
		g.Binding, err = a.binding(g.Lever, g.Goal)
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

// binding explains why no value of the lever reaches the goal. With both the
// envelope and the capacity unlimited, only deployment time and the target
// year are left; if the goal is reachable then, the other lever binds.
func (a *analysis) binding(lever string, goal float64) (string, error) {
	free, err := a.run(a.plan.withEnvelope(unlimited, math.MaxInt32), &a.theta)
	if err != nil {
		return "", err
	}
	switch {
	case free.pAllCore < goal:
		return fmt.Sprintf("deployment time and the target year bind: even with unlimited envelope and capacity P is %.1f%%", 100*free.pAllCore), nil
	case lever == "envelope_uplift_m":
		return fmt.Sprintf("capacity_starts binds: with unlimited capacity as well P would be %.1f%%", 100*free.pAllCore), nil
	default:
		return fmt.Sprintf("the national envelope binds: with unlimited envelope as well P would be %.1f%%", 100*free.pAllCore), nil
	}
}
