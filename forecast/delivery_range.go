package forecast

import (
	"math"
)

// Bounds of a range scan.
const (
	maxScanSteps = 64 // steps each way; the final step crosses the region in 48
	maxBisect    = 8  // bisections of the gap at each end
	bisectSteps  = 4  // the mode and duration_bias ends are placed to a quarter of the final step
)

// scanRanges scans each searched dimension from the best point, both ways,
// so that the points evaluated reach the edge of the values within
// withinLogLik of the best. It stops, reporting true, as soon as a point
// evaluated is likelier than the best it started from: the search must
// re-centre there before the range means anything.
func (s *deliverySpace) scanRanges(ev *deliveryEval, step [3]float64) (bool, error) {
	for k := 0; k < 3; k++ {
		if k == 2 && !s.fitDB {
			break
		}
		for _, dir := range []float64{-1, 1} {
			moved, err := s.scanRange(ev, k, dir, step[k])
			if err != nil || moved {
				return moved, err
			}
		}
	}
	return false, nil
}

// scanRange walks from the best point along dimension k (0 capacity, 1
// mode, 2 duration bias) in direction dir, the others held at their best,
// a step at a time until the log-likelihood falls more than withinLogLik
// below the best or the region ends; then it bisects the gap between the
// last point inside and the first outside, so the range's end is an
// evaluated value close to the crossing, never a value beyond it. It
// reports whether a likelier point than the best turned up.
func (s *deliverySpace) scanRange(ev *deliveryEval, k int, dir, step float64) (bool, error) {
	start, startLL := ev.best, ev.bestLL
	floor := startLL - withinLogLik
	x := s.coords(start)
	inside := x[k]
	for n := 0; n < maxScanSteps; n++ {
		x[k] += dir * step
		q := s.at(x)
		at := s.coords(q)[k]
		if at == inside {
			if s.outside(k, x[k]) {
				return false, nil // the region's edge
			}
			continue // capacity rounds to the same whole number
		}
		ll, err := ev.logLik(q)
		if err != nil {
			return false, err
		}
		if ev.bestLL > startLL {
			return true, nil
		}
		if ll < floor {
			return s.bisect(ev, start, k, inside, at, step)
		}
		inside = at
	}
	return false, nil
}

// bisect narrows the gap along dimension k, the others at start's values,
// between coordinate in, whose point is within withinLogLik of start's
// log-likelihood, and out, whose point is not: to whole starts for
// capacity, to step/bisectSteps otherwise. It reports whether a likelier
// point than start turned up.
func (s *deliverySpace) bisect(ev *deliveryEval, start deliveryPoint, k int, in, out, step float64) (bool, error) {
	startLL := ev.bestLL
	floor := startLL - withinLogLik
	for n := 0; n < maxBisect; n++ {
		if k != 0 && math.Abs(out-in) <= step/bisectSteps {
			break
		}
		x := s.coords(start)
		x[k] = (in + out) / 2
		q := s.at(x)
		mid := s.coords(q)[k]
		if mid == in || mid == out {
			break // capacity: the ends are whole starts apart
		}
		ll, err := ev.logLik(q)
		if err != nil {
			return false, err
		}
		if ev.bestLL > startLL {
			return true, nil
		}
		if ll < floor {
			out = mid
		} else {
			in = mid
		}
	}
	return false, nil
}

// outside reports whether coordinate v of dimension k lies beyond the region.
func (s *deliverySpace) outside(k int, v float64) bool {
	lo := [3]float64{s.logCapLo, s.modeLo, s.dbLo}
	hi := [3]float64{s.logCapHi, s.modeHi, s.dbHi}
	return v < lo[k] || v > hi[k]
}

// finalStep is the step of the last refinement round in each dimension.
func (s *deliverySpace) finalStep() [3]float64 {
	f := math.Ldexp(1, -refineRounds)
	return [3]float64{s.capStep * f, s.modeStep * f, s.dbStep * f}
}
