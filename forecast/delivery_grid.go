package forecast

import (
	"fmt"
	"math"

	"corecast/model"
)

// Grid sizes and refinement of a delivery calibration.
const (
	capacityGrid  = 7   // capacity_starts values, geometric, a quarter to four times the scenario's
	modeGrid      = 7   // deploy_years modes, even steps over the distribution's range
	durationGrid  = 5   // duration_bias values over [0, durationMax]
	durationMax   = 0.6 // the largest duration_bias tried on the first grid
	refineRounds  = 3   // rounds of refinement, each halving the steps
	maxClimb      = 16  // rounds at the final step, after the halving ones
	maxRecentres  = 8   // times a range scan may move the search to a likelier point
	withinLogLik  = 2   // the range reported: log-likelihood within this of the best
	minDeployMode = 0.25
)

// deliverySpace is the region a delivery calibration searches: capacity
// in log space (its effect is proportional), the mode and duration_bias
// linearly. A step of 0 means the dimension is not searched.
type deliverySpace struct {
	base               model.Scenario
	logCapLo, logCapHi float64
	modeLo, modeHi     float64
	dbLo, dbHi         float64
	capStep, modeStep  float64
	dbStep             float64
	fitDB              bool
	capN, modeN, dbN   int
}

// newDeliverySpace sets the search region around scenario sc.
func newDeliverySpace(sc model.Scenario, fitDB bool) (*deliverySpace, error) {
	d := sc.DeployYears
	s := &deliverySpace{base: sc, fitDB: fitDB, capN: capacityGrid, modeN: modeGrid, dbN: 1}
	switch d.Kind {
	case model.Triangular, model.PERT:
		s.modeLo, s.modeHi = d.Min, d.Max
	case model.Fixed:
		s.modeLo, s.modeHi = max(minDeployMode, d.Value/2), max(minDeployMode, 2*d.Value)
	default:
		return nil, fmt.Errorf("delivery calibration fits the mode of deploy_years, and a %s distribution has none: make it triangular, pert or fixed", d.Kind)
	}
	c := float64(max(1, sc.CapacityStarts))
	s.logCapLo, s.logCapHi = math.Log(max(1, c/4)), math.Log(4*c)
	s.capStep = (s.logCapHi - s.logCapLo) / (capacityGrid - 1)
	s.modeStep = (s.modeHi - s.modeLo) / (modeGrid - 1)
	if fitDB {
		s.dbLo, s.dbHi, s.dbN = 0, durationMax, durationGrid
		s.dbStep = durationMax / (durationGrid - 1)
	}
	return s, nil
}

// at returns the point at coordinates x (log capacity, mode, duration
// bias), clamped to the region.
func (s *deliverySpace) at(x [3]float64) deliveryPoint {
	q := deliveryPoint{
		capacity: int(math.Round(math.Exp(min(max(x[0], s.logCapLo), s.logCapHi)))),
		mode:     min(max(x[1], s.modeLo), s.modeHi),
		db:       math.NaN(),
	}
	if s.fitDB {
		q.db = min(max(x[2], s.dbLo), s.dbHi)
	}
	return q
}

// coords are the coordinates of point q.
func (s *deliverySpace) coords(q deliveryPoint) [3]float64 {
	return [3]float64{math.Log(float64(q.capacity)), q.mode, q.db}
}

// search runs the grid, then refines around the best point found so far:
// the neighbours a step away in each searched dimension, the steps halving
// each round, then at the final step until no neighbour is likelier. Then
// it scans each dimension from the best for the range; a scan that finds a
// likelier point re-centres the search there, which refines and scans
// again, at most maxRecentres times. The best point is ev's.
func (s *deliverySpace) search(ev *deliveryEval) error {
	for i := 0; i < s.capN; i++ {
		for j := 0; j < s.modeN; j++ {
			for k := 0; k < s.dbN; k++ {
				x := [3]float64{s.logCapLo + float64(i)*s.capStep, s.modeLo + float64(j)*s.modeStep, s.dbLo + float64(k)*s.dbStep}
				if _, err := ev.logLik(s.at(x)); err != nil {
					return err
				}
			}
		}
	}
	step := [3]float64{s.capStep, s.modeStep, s.dbStep}
	for r := 0; r < refineRounds-1; r++ {
		for k := range step {
			step[k] /= 2
		}
		if _, err := s.refine(ev, step); err != nil {
			return err
		}
	}
	final := s.finalStep()
	for n := 0; ; n++ {
		if err := s.climb(ev, final); err != nil {
			return err
		}
		moved, err := s.scanRanges(ev, final)
		if err != nil || !moved || n == maxRecentres {
			return err
		}
	}
}

// refine runs the neighbours of the best point a step away in each
// searched dimension, and reports whether one of them became the best.
func (s *deliverySpace) refine(ev *deliveryEval, step [3]float64) (bool, error) {
	startLL := ev.bestLL
	centre := s.coords(ev.best)
	for _, d := range neighbours(s.fitDB) {
		x := centre
		for k := range x {
			x[k] += float64(d[k]) * step[k]
		}
		if _, err := ev.logLik(s.at(x)); err != nil {
			return false, err
		}
	}
	return ev.bestLL > startLL, nil
}

// climb refines at one step until no neighbour of the best is likelier,
// at most maxClimb rounds.
func (s *deliverySpace) climb(ev *deliveryEval, step [3]float64) error {
	for r := 0; r < maxClimb; r++ {
		moved, err := s.refine(ev, step)
		if err != nil || !moved {
			return err
		}
	}
	return nil
}

// neighbours are the offsets −1, 0, 1 in each searched dimension.
func neighbours(fitDB bool) [][3]int {
	var out [][3]int
	dbs := []int{0}
	if fitDB {
		dbs = []int{-1, 0, 1}
	}
	for _, a := range []int{-1, 0, 1} {
		for _, b := range []int{-1, 0, 1} {
			for _, c := range dbs {
				out = append(out, [3]int{a, b, c})
			}
		}
	}
	return out
}

// scenario is base with the point's delivery parameters, named
// CalibratedDeliveryName.
func (q deliveryPoint) scenario(base model.Scenario) model.Scenario {
	sc := base
	sc.CapacityStarts = q.capacity
	if sc.DeployYears.Kind == model.Fixed {
		sc.DeployYears.Value = q.mode
	} else {
		sc.DeployYears.Mode = q.mode
	}
	if !math.IsNaN(q.db) {
		sc.DurationBias = model.FixedDist(q.db)
	}
	return sc
}

// fit gathers the best point evaluated, the ranges of the values evaluated
// within withinLogLik of it, and the calibrated scenario.
func (ev *deliveryEval) fit(s *deliverySpace) *DeliveryFit {
	best, bestLL := ev.best, ev.bestLL
	f := &DeliveryFit{
		CapacityStarts: best.capacity, DeployMode: best.mode, DurationBias: best.db, LogLik: bestLL,
		CapacityRange: [2]int{best.capacity, best.capacity}, DeployRange: [2]float64{best.mode, best.mode},
		DurationRange: [2]float64{best.db, best.db},
		Points:        ev.points,
	}
	for _, q := range f.Within() {
		f.CapacityRange = [2]int{min(f.CapacityRange[0], q.CapacityStarts), max(f.CapacityRange[1], q.CapacityStarts)}
		f.DeployRange = [2]float64{min(f.DeployRange[0], q.DeployMode), max(f.DeployRange[1], q.DeployMode)}
		if s.fitDB {
			f.DurationRange = [2]float64{min(f.DurationRange[0], q.DurationBias), max(f.DurationRange[1], q.DurationBias)}
		}
	}
	f.Edges = s.edges(best)
	f.Scenario = best.scenario(s.base)
	f.Scenario.Name = CalibratedDeliveryName
	return f
}

// Within returns the points evaluated whose log-likelihood is within 2
// units of the best, the points the ranges span.
func (f *DeliveryFit) Within() []DeliveryPoint {
	var out []DeliveryPoint
	for _, q := range f.Points {
		if q.LogLik >= f.LogLik-withinLogLik {
			out = append(out, q)
		}
	}
	return out
}

// edges names the best point's values that lie on the region's edge.
func (s *deliverySpace) edges(q deliveryPoint) []string {
	var out []string
	x := s.coords(q)
	lo := [3]float64{s.logCapLo, s.modeLo, s.dbLo}
	hi := [3]float64{s.logCapHi, s.modeHi, s.dbHi}
	names := [3]string{"capacity_starts", "deploy_years mode", "duration_bias"}
	for k := range names {
		if k == 2 && !s.fitDB {
			break
		}
		// Capacity is rounded, so its edge is a whole number's width.
		tol := 0.0
		if k == 0 {
			tol = 0.5 / float64(q.capacity)
		}
		switch {
		case x[k] <= lo[k]+tol:
			out = append(out, fmt.Sprintf("%s is at the lowest value searched", names[k]))
		case x[k] >= hi[k]-tol:
			out = append(out, fmt.Sprintf("%s is at the highest value searched", names[k]))
		}
	}
	return out
}
