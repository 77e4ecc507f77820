package forecast

import (
	"context"
	"fmt"
	"math"

	"corecast/model"
)

// DefaultMaxIterations is the most iterations a run to a precision makes
// unless told otherwise.
const DefaultMaxIterations = 1_000_000

// Precision asks for a run whose Monte Carlo errors are at most Target:
// the standard error of mean total need relative to the mean, and the
// standard error of P(all trusts core by the target year), √(p(1−p)/N),
// absolute.
type Precision struct {
	// Target is the largest error accepted, e.g. 0.005: 0.5% of mean
	// total need and 0.5 percentage points of P(all core).
	Target float64
	// Max is the most iterations to run; 0 means DefaultMaxIterations.
	Max int
}

// Check refuses a precision that cannot be run: a target that is not a
// positive fraction below 1, or a maximum below start iterations or above
// model.MaxIterations.
func (p Precision) Check(start int) error {
	if !(p.Target > 0 && p.Target < 1) {
		return fmt.Errorf("precision %v: want a fraction above 0 and below 1, e.g. 0.005", p.Target)
	}
	max := p.max()
	if max < start {
		return fmt.Errorf("maximum iterations %d is below the scenario's %d, where a run to a precision starts", max, start)
	}
	if max > model.MaxIterations {
		return fmt.Errorf("maximum iterations %d is above %d", max, model.MaxIterations)
	}
	return nil
}

// max resolves Max.
func (p Precision) max() int {
	if p.Max <= 0 {
		return DefaultMaxIterations
	}
	return p.Max
}

// PrecisionReport records how a run to a precision chose its iterations.
type PrecisionReport struct {
	Target float64
	Max    int
	// Tried are the iteration counts run, in order; the last is the
	// result's.
	Tried []int
	// NeedRelSE is the standard error of mean total need over its mean
	// (0 when both are 0), and PCoreSE that of P(all core by the target
	// year), both at the result's iterations.
	NeedRelSE, PCoreSE float64
	// Reached says whether both errors are within Target; when not, the
	// maximum stopped the run.
	Reached bool
}

// RunToPrecision runs the scenario with its own iterations, then with
// twice as many, and so on (never more than the maximum), until the
// errors of the result are within the target or the maximum has been run.
//
// Each count is an ordinary Run of the scenario with Iterations set to it,
// and the one that stops the search is returned as it is: its numbers are
// those of a plain run at that count, bit for bit, so --iterations N
// reproduces them. Extending a run instead would not: Latin hypercube
// strata depend on N, so the first N draws of a larger run are not a run
// of N. The schedule is fixed by the scenario's iterations, the target and
// the maximum, so the same seed and target give the same iterations and
// the same numbers. The doubling keeps the work within about twice that of
// the final run. attempt, if set, hears each count as its run starts.
func RunToPrecision(ctx context.Context, in model.Inputs, sc model.Scenario, prec Precision, opts Options, attempt func(n int)) (*Result, error) {
	if err := prec.Check(sc.Iterations); err != nil {
		return nil, err
	}
	rep := &PrecisionReport{Target: prec.Target, Max: prec.max()}
	for n := sc.Iterations; ; n = min(2*n, rep.Max) {
		if attempt != nil {
			attempt(n)
		}
		try := sc.Clone()
		try.Iterations = n
		res, err := Run(ctx, in, try, opts)
		if err != nil {
			return nil, err
		}
		rep.Tried = append(rep.Tried, n)
		rep.NeedRelSE, rep.PCoreSE = res.precisionReached()
		rep.Reached = rep.NeedRelSE <= prec.Target && rep.PCoreSE <= prec.Target
		if rep.Reached || n >= rep.Max {
			res.Precision = rep
			return res, nil
		}
	}
}

// precisionReached returns the errors a run to a precision judges: the
// standard error of mean total need relative to the mean, and that of
// P(all core by the target year).
func (r *Result) precisionReached() (needRel, pCore float64) {
	need, _ := r.Output("total_need")
	switch {
	case need.Stats.SE == 0:
		needRel = 0 // fixed inputs: every iteration gives the same need
	case need.Stats.Mean == 0:
		needRel = math.Inf(1)
	default:
		needRel = need.Stats.SE / math.Abs(need.Stats.Mean)
	}
	return needRel, r.PAllCoreByTarget.SE
}
