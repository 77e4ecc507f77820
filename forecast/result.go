package forecast

import (
	"time"

	"corecast/model"
)

// Never is the completion year of a trust that does not start within the
// horizon: it sorts after every real year.
const Never model.FinancialYear = 1 << 30

// Stats summarises one recorded quantity over the iterations.
type Stats struct {
	Mean float64
	SD   float64 // sample standard deviation
	// SE is the Monte Carlo standard error of the mean, SD/√N: exact for random
	// sampling, an upper bound under Latin hypercube sampling.
	SE                               float64
	P5, P10, P25, P50, P75, P90, P95 float64
	Min, Max                         float64
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
	CoreByTarget []float64             // trusts core by target_year
	AllCoreYear  []model.FinancialYear // max completion, Never if any trust never completes

	// CommittedTotalM is Σ committed_i over all trusts (the same every iteration).
	CommittedTotalM float64

	// Outputs are the headline statistics, in display order: total_cost,
	// total_need, national_need, local_need, total_programme, present_value,
	// core_by_target.
	Outputs []Output

	PAllCoreByTarget Probability
	PWithinPlan      Probability
	AllCore          YearPercentiles

	ByYear   []YearResult
	ByRegion []GroupResult // model.Regions order
	ByType   []GroupResult // model.TrustTypes order
	ByTrust  []TrustResult // input order

	// Hindcast holds the forecast against the inputs' observations; nil
	// when there are none.
	Hindcast *Hindcast
}

// Output returns the headline output with the given key.
func (r *Result) Output(key string) (Output, bool) {
	for _, o := range r.Outputs {
		if o.Key == key {
			return o, true
		}
	}
	return Output{}, false
}
