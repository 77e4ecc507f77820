package model

// Observation is one row of the optional Observed sheet: a trust's digital
// maturity score as assessed in a year after the base year, such as a later
// Digital Maturity Assessment. A trust counts as observed core by year y
// when an observed maturity at or before y reaches core_threshold.
type Observation struct {
	Code     string        // the trust's code, as on the Trusts sheet
	Year     FinancialYear // the year of the assessment
	Maturity float64       // the score observed, 0–100
}

// CoreBy reports, from a trust's observations, whether it was observed core
// (maturity ≥ threshold) in any year up to y, and whether any observation at
// or before y exists to say so.
func CoreBy(obs []Observation, y FinancialYear, threshold float64) (core, observed bool) {
	for _, o := range obs {
		if o.Year > y {
			continue
		}
		observed = true
		if o.Maturity >= threshold {
			return true, true
		}
	}
	return false, observed
}
