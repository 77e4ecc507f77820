package forecast

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"corecast/model"
)

// ErrObservations marks observations that do not fit the inputs: a trust
// not among them, or one observed core in or before the base year whose
// maturity says it is not.
var ErrObservations = errors.New("observations do not fit the inputs")

// observations are the Observed sheet's assessments in the form the engine
// tallies: for each observed year, the trusts whose state by that year is
// known, with what was observed. A trust-year is known when the trust was
// assessed that year, or was already seen core in an earlier assessment
// (core stays core); a trust assessed earlier as not core and not assessed
// that year is unknown, so it is left out rather than counted as not core.
type observations struct {
	years []model.FinancialYear // the distinct observed years, ascending
	off   []int32               // each year's offset from base_year, at least compCore
	start []int32               // year k's pairs are start[k] … start[k+1]−1
	trust []int32               // per pair: the trust's index
	core  []bool                // per pair: observed core by the year
	width int                   // the most pairs in one year
}

// pairs is the number of observed trust-years.
func (o *observations) pairs() int { return len(o.trust) }

// newObservations checks the observations against the trusts and groups
// them by year. An observation of an unknown trust is an error, and so is
// a trust observed core in or before base_year whose maturity says it is
// not: the model starts from that maturity, so the two cannot both hold.
// It returns nil when there are no observations.
func newObservations(p *plan, obs []model.Observation) (*observations, error) {
	if len(obs) == 0 {
		return nil, nil
	}
	byTrust, years, err := checkObservations(p, obs)
	if err != nil {
		return nil, err
	}
	slices.Sort(years)
	years = slices.Compact(years)
	out := &observations{years: years, start: []int32{0}}
	for _, y := range years {
		out.off = append(out.off, int32(max(y.Sub(p.sc.BaseYear), compCore)))
		for i, list := range byTrust {
			if core, known := knownBy(list, y, p.sc.CoreThreshold); known {
				out.trust = append(out.trust, int32(i))
				out.core = append(out.core, core)
			}
		}
		out.start = append(out.start, int32(len(out.trust)))
		out.width = max(out.width, len(out.trust)-int(out.start[len(out.start)-2]))
	}
	return out, nil
}

// maxListed is how many contradictions an error names.
const maxListed = 3

// checkObservations groups the observations by trust, with every year
// observed, and returns every misfit at once (as the loader does), naming
// the first few.
func checkObservations(p *plan, obs []model.Observation) ([][]model.Observation, []model.FinancialYear, error) {
	index := make(map[string]int, p.nTrusts)
	for i, t := range p.trusts {
		index[t.Code] = i
	}
	byTrust := make([][]model.Observation, p.nTrusts)
	var years []model.FinancialYear
	var bad []string
	for _, o := range obs {
		i, ok := index[o.Code]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("observed trust %s in %s is not among the trusts", o.Code, o.Year))
		case o.Year <= p.sc.BaseYear && o.Maturity >= p.sc.CoreThreshold && p.consts[i].gap > 0:
			bad = append(bad, fmt.Sprintf("trust %s is observed core (maturity %g) in %s, at or before the base year %s, but its maturity %g is below the core threshold %g",
				o.Code, o.Maturity, o.Year, p.sc.BaseYear, p.trusts[i].Maturity, p.sc.CoreThreshold))
		default:
			byTrust[i] = append(byTrust[i], o)
			years = append(years, o.Year)
		}
	}
	switch {
	case len(bad) == 1:
		return nil, nil, fmt.Errorf("%w: %s", ErrObservations, bad[0])
	case len(bad) > maxListed:
		return nil, nil, fmt.Errorf("%w: %d observations: %s; and %d more", ErrObservations, len(bad), strings.Join(bad[:maxListed], "; "), len(bad)-maxListed)
	case len(bad) > 1:
		return nil, nil, fmt.Errorf("%w: %d observations: %s", ErrObservations, len(bad), strings.Join(bad, "; "))
	}
	return byTrust, years, nil
}

// knownBy reports whether a trust's state by year y is known from its
// observations (assessed in y, or seen core by then), and if so whether it
// was core.
func knownBy(list []model.Observation, y model.FinancialYear, threshold float64) (core, known bool) {
	core, _ = model.CoreBy(list, y, threshold)
	if core {
		return true, true
	}
	for _, o := range list {
		if o.Year == y {
			return false, true
		}
	}
	return false, false
}

// Check reports whether the inputs can be forecast with the scenario: what
// every run checks before it draws anything, such as observations that
// contradict the inputs (ErrObservations). validate uses it, so that a
// workbook it passes also runs.
func Check(in model.Inputs, sc model.Scenario) error {
	_, err := newPlan(in, sc)
	return err
}
