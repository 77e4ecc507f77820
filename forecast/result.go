package forecast

import (
	"time"

	"corecast/model"
)

// Stats summarises one recorded quantity over the iterations.
type Stats struct {
	Mean float64
	SD   float64 // sample standard deviation
	// SE is the Monte Carlo standard error of the mean, SD/√N: exact for random
	// sampling, an upper bound under Latin hypercube sampling.
	SE                               float64
	P5, P10, P25, P50, P75, P90, P95 float64
	// Budget is the percentile at the scenario's budget_p (P80 by
	// default): the figure a budget is set at.
	Budget   float64
	Min, Max float64
}

// Probability is an estimated probability with its Monte Carlo standard error
// √(p(1−p)/N).
type Probability struct {
	P  float64
	SE float64
}

// YearPercentiles are percentiles of a year-valued quantity; each is a whole
// year (the lower order statistic when between two), or Never.
type YearPercentiles struct {
	P10, P50, P90 model.FinancialYear
}

// Output names one scenario-level output with its statistics.
type Output struct {
	Key   string // machine name: "total_need"
	Label string // human label: "Total need"
	Unit  string // "£m"
	Stats Stats
}

// YearResult holds the figures of one modelled year.
type YearResult struct {
	Year model.FinancialYear
	// EnvelopeM is the national envelope E_y, £m real, uplift included.
	EnvelopeM float64
	// Core: trusts core by the end of this year (expected, P10, P50, P90).
	CoreMean, CoreP10, CoreP50, CoreP90 float64
	// Spend within the year, £m: national and local real (means), total real
	// (full statistics) and total nominal (mean).
	NationalMean, LocalMean float64
	Total                   Stats
	NominalMean             float64
}

// GroupResult holds the figures of a group of trusts (a region or a type).
type GroupResult struct {
	Name         string
	Trusts       int
	TotalNeed    Stats   // £m
	NationalNeed Stats   // £m
	CoreByTarget float64 // expected number of trusts core by target_year
}

// TrustResult holds the figures of one trust.
type TrustResult struct {
	Trust      model.Trust
	Gap        float64 // maturity points to core
	CommittedM float64 // counted funding, £m
	Cost       Stats   // £m; percentiles from a streamed histogram (within 1%)
	NeedMean   float64 // £m
	// PCoreByTarget is the share of iterations in which the trust is core by target_year.
	PCoreByTarget Probability
	Completion    YearPercentiles
}

// Result is everything one forecast run records (DESIGN §5 step 6 and §6).
// Scenario-level series hold one value per iteration; per-trust, per-year and
// per-group figures are accumulated in streams so memory does not grow with
// iterations × trusts.
type Result struct {
	Scenario   model.Scenario
	Years      []model.FinancialYear // base_year … horizon_year
	Iterations int
	Elapsed    time.Duration

	// Inputs holds the scenario-level draws θ, one column per model.InputNames entry.
	Inputs     [model.NumInputs][]float64
	InputStats [model.NumInputs]Stats

	// Per-iteration scenario-level outputs (£m unless said).
	TotalCost    []float64
	TotalNeed    []float64 // national need is (1−local_share)× this, local need local_share×
	PresentValue []float64
	// WindowSpend is the modelled spend (national and local, real) in the
	// years of the plan's window; plan_window_spend adds the counted trust
	// funding dated in it (WindowFundingM).
	WindowSpend  []float64
	CoreByTarget []float64             // trusts core by target_year
	AllCoreYear  []model.FinancialYear // max completion, model.Never if any trust never completes

	// CommittedTotalM is Σ committed_i over all trusts (the same every iteration).
	CommittedTotalM float64
	// WindowFundingM is the counted trust funding dated in the plan's
	// window, plan_from … plan_to, and WindowNationalM its national part.
	WindowFundingM, WindowNationalM float64
	// UncountedNational are the NATIONAL funding rows that do not count
	// (planned, without include_planned): they set no year's envelope.
	UncountedNational []model.Funding

	// Outputs are the headline statistics, in display order: total_cost,
	// total_need, national_need, local_need, total_programme,
	// plan_window_spend, national_spend_in_plan, present_value,
	// core_by_target. Each Stats' Budget is at the scenario's budget_p.
	Outputs []Output

	PAllCoreByTarget Probability
	// PWithinPlan is P(plan_window_spend ≤ plan_total_m): the plan is a
	// spending plan for its window, set against spend in that window.
	PWithinPlan Probability
	AllCore     YearPercentiles

	ByYear   []YearResult
	ByRegion []GroupResult // model.Regions order
	ByType   []GroupResult // model.TrustTypes order
	ByTrust  []TrustResult // input order

	// Hindcast holds the forecast against the inputs' observations; nil
	// when there are none.
	Hindcast *Hindcast

	// Precision records how RunToPrecision chose Iterations; nil for a
	// run of the scenario's own iterations.
	Precision *PrecisionReport
}

// PlanWindowSpend is iteration s's plan_window_spend (DESIGN §6): the
// counted trust funding dated in the plan's window plus the modelled spend
// of the window's years, £m.
func (r *Result) PlanWindowSpend(s int) float64 { return r.WindowFundingM + r.WindowSpend[s] }

// NationalSpendInPlan is the national part of PlanWindowSpend(s).
func (r *Result) NationalSpendInPlan(s int) float64 {
	return r.WindowNationalM + (1-r.Scenario.LocalShare)*r.WindowSpend[s]
}

// WithinPlan reports whether iteration s's plan_window_spend is within
// plan_total_m.
func (r *Result) WithinPlan(s int) bool { return r.PlanWindowSpend(s) <= r.Scenario.PlanTotalM }

// Output returns the headline output with the given key.
func (r *Result) Output(key string) (Output, bool) {
	for _, o := range r.Outputs {
		if o.Key == key {
			return o, true
		}
	}
	return Output{}, false
}
