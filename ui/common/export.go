package common

import "corecast/forecast"

// Analyses are what the screens have computed of one run — the
// Sensitivity screen's tornado, the Overview's goal seek with its money by
// year, the Frontier screen's grid — which an export carries as a batch
// run's analysis flags would.
type Analyses struct {
	Sensitivity *forecast.SensitivityResult
	GoalSeek    []*forecast.GoalSeekResult
	Phased      *forecast.PhasedResult
	Frontier    *forecast.FrontierResult
	Investment  []*forecast.Investment
}

// Analysed registers add, which puts into an export what a screen has
// computed of a run. Screens keep their analyses per run, so add is given
// the run exported and adds only analyses of that very run.
func (c *Context) Analysed(add func(res *forecast.Result, into *Analyses)) {
	c.analysts = append(c.analysts, add)
}

// AnalysesOf gathers what the screens have computed of res.
func (c *Context) AnalysesOf(res *forecast.Result) Analyses {
	var a Analyses
	for _, add := range c.analysts {
		add(res, &a)
	}
	return a
}
