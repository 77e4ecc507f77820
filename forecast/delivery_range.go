package forecast

import (
	"math"
)

// maxScanSteps bounds each direction of a range scan.
const maxScanSteps = 64

// scanRange walks from the best point along dimension k (0 capacity, 1
// mode, 2 duration bias), the others held at their best, a step at a time
// each way until the log-likelihood falls more than withinLogLik below the
// best or the region ends. The points the grid happened to evaluate are too
// sparse to bound the range: the walk finds its ends, each placed by
// linear interpolation between the last point inside and the first
// outside. It returns the ends in coordinates.
func (s *deliverySpace) scanRange(ev *deliveryEval, best deliveryPoint, bestLL float64, k int, step float64) (lo, hi float64, err error) {
	ends := [2]float64{}
	for d, dir := range []float64{-1, 1} {
		x := s.coords(best)
		inside, insideLL := x[k], bestLL
		ends[d] = inside
		for n := 0; n < maxScanSteps; n++ {
			x[k] += dir * step
			q := s.at(x)
			if s.coords(q)[k] == inside {
				if s.outside(k, x[k]) {
					break // the region's edge
				}
				continue // capacity rounds to the same whole number
			}
			ll, err := ev.logLik(q)
			if err != nil {
				return 0, 0, err
			}
			at := s.coords(q)[k]
			if ll < bestLL-withinLogLik {
				// The crossing lies between inside and at.
				f := (insideLL - (bestLL - withinLogLik)) / (insideLL - ll)
				ends[d] = inside + f*(at-inside)
				break
			}
			inside, insideLL, ends[d] = at, ll, at
		}
	}
	return ends[0], ends[1], nil
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

// widen extends the fit's ranges to the scans along each searched
// dimension, with the final refinement step.
func (ev *deliveryEval) widen(s *deliverySpace, f *DeliveryFit, best deliveryPoint, step [3]float64) error {
	for k := 0; k < 3; k++ {
		if k == 2 && !s.fitDB {
			break
		}
		lo, hi, err := s.scanRange(ev, best, f.LogLik, k, step[k])
		if err != nil {
			return err
		}
		switch k {
		case 0:
			f.CapacityRange[0] = min(f.CapacityRange[0], int(math.Floor(math.Exp(lo))))
			f.CapacityRange[1] = max(f.CapacityRange[1], int(math.Ceil(math.Exp(hi))))
		case 1:
			f.DeployRange = [2]float64{min(f.DeployRange[0], lo), max(f.DeployRange[1], hi)}
		case 2:
			f.DurationRange = [2]float64{min(f.DurationRange[0], lo), max(f.DurationRange[1], hi)}
		}
	}
	return nil
}
