package model

import (
	"errors"
	"fmt"
	"strings"
)

// Sampling says how scenario-level inputs are drawn.
type Sampling string

// Sampling methods: Latin hypercube (stratified) or plain random draws.
const (
	LHS    Sampling = "lhs"
	Random Sampling = "random"
)

// Priority is the order in which unstarted trusts are offered capacity and envelope.
type Priority string

// The priority rules of DESIGN §5 step 5.
const (
	LowestMaturity  Priority = "lowest-maturity"
	LargestGap      Priority = "largest-gap"
	LowestCost      Priority = "lowest-cost"
	RegionBalanced  Priority = "region-balanced"
	defaultScenario          = "Baseline"
)

// Priorities lists every priority rule.
func Priorities() []Priority {
	return []Priority{LowestMaturity, LargestGap, LowestCost, RegionBalanced}
}

// Correlation is a target rank correlation between two scenario-level inputs,
// named as in InputNames ("unit_cost.acute", "optimism_bias", ...).
type Correlation struct {
	A, B string
	Rho  float64
}

// Scenario is every assumption of one forecast. The zero value is not useful:
// start from DefaultScenario, whose values are those of DESIGN §4.
type Scenario struct {
	Name           string
	BaseYear       FinancialYear // price base and first modelled year
	TargetYear     FinancialYear // the year "core by" is judged against
	HorizonYear    FinancialYear // last modelled year
	CoreThreshold  float64       // maturity score that counts as core digitisation
	Iterations     int
	Seed           uint64
	Sampling       Sampling
	Priority       Priority
	IncludePlanned bool    // count planned funding as committed
	LocalShare     float64 // share of remaining need paid by trusts
	CapacityStarts int     // most trusts that can start deployment in one year
	EnvelopeAfterM float64 // national envelope, £m real, for years without NATIONAL rows
	// EnvelopeUpliftM is added to every year's national envelope, £m.
	EnvelopeUpliftM float64
	// EnvelopeUpliftByYear, when not empty, gives the uplift year by year
	// instead (years it does not list get 0); EnvelopeUpliftM is then 0.
	EnvelopeUpliftByYear map[FinancialYear]float64
	PlanTotalM           float64 // the plan to compare against, £m
	// PlanFrom and PlanTo are the plan's window: spend dated in these years
	// (funding received or committed then, and modelled spend) is what is
	// set against PlanTotalM.
	PlanFrom, PlanTo FinancialYear
	// BudgetP is the confidence of the budget figures (0.8: P80).
	BudgetP      float64
	DiscountRate float64 // real discount rate for present values
	TrustSigma   float64 // lognormal spread of a trust's cost around the model
	RefOpexM     float64 // opex of the reference trust for unit costs, £m

	SizeElasticity Distribution // β, exponent of (opex / ref_opex)
	OptimismBias   Distribution // capex uplift
	DurationBias   Distribution // uplift to deployment time
	DeployYears    Distribution // years to deploy, per trust
	Inflation      Distribution // annual, for nominal figures
	UnitCost       [NumTrustTypes]Distribution

	// Correlations are the target rank correlations between scenario-level inputs.
	Correlations []Correlation

	// Sources says where each value came from when not from the default,
	// by top-level key (see SourceKeys): a scenario file, a workbook's
	// Scenario sheet, the command line, the terminal program or an
	// analysis applied there. It changes no figure.
	Sources map[string]Source
}

// DefaultScenario returns the baseline of DESIGN §4: every key at its default.
func DefaultScenario() Scenario {
	return Scenario{
		Name:            defaultScenario,
		BaseYear:        2019,
		TargetYear:      2023,
		HorizonYear:     2029,
		CoreThreshold:   75,
		Iterations:      10000,
		Seed:            2020,
		Sampling:        LHS,
		Priority:        LowestMaturity,
		LocalShare:      0.5,
		CapacityStarts:  80,
		EnvelopeAfterM:  1200,
		EnvelopeUpliftM: 0,
		PlanTotalM:      8100,
		PlanFrom:        2019,
		PlanTo:          2023,
		BudgetP:         0.8,
		DiscountRate:    0.035,
		TrustSigma:      0.35,
		RefOpexM:        500,
		SizeElasticity:  UniformDist(0.5, 0.9),
		OptimismBias:    PERTDist(0.10, 0.30, 1.00),
		DurationBias:    UniformDist(0.0, 0.3),
		DeployYears:     TriangularDist(1.0, 2.0, 3.5),
		Inflation:       NormalDist(0.02, 0.01),
		UnitCost: [NumTrustTypes]Distribution{
			Acute:        PERTDist(1.0, 1.8, 3.5),
			MentalHealth: PERTDist(0.5, 0.9, 1.8),
			Community:    PERTDist(0.4, 0.7, 1.4),
			Ambulance:    PERTDist(0.5, 0.9, 1.8),
			Specialist:   PERTDist(0.8, 1.4, 2.8),
		},
		Correlations: DefaultCorrelations(),
	}
}

// DefaultCorrelations is the default correlation set: the five unit costs
// pairwise 0.6.
func DefaultCorrelations() []Correlation {
	var c []Correlation
	for i := 0; i < NumTrustTypes; i++ {
		for j := i + 1; j < NumTrustTypes; j++ {
			c = append(c, Correlation{A: "unit_cost." + TrustType(i).Key(), B: "unit_cost." + TrustType(j).Key(), Rho: 0.6})
		}
	}
	return c
}

// NumInputs is the number of scenario-level inputs drawn once per iteration.
const NumInputs = NumTrustTypes + 4

// Indices of the scenario-level inputs after the five unit costs.
const (
	InputSizeElasticity = NumTrustTypes + iota
	InputOptimismBias
	InputDurationBias
	InputInflation
)

// InputNames lists the scenario-level inputs in the order of DESIGN §5 step 1:
// the five unit costs, size elasticity, optimism bias, duration bias, inflation.
func InputNames() []string {
	names := make([]string, 0, NumInputs)
	for _, t := range TrustTypes() {
		names = append(names, "unit_cost."+t.Key())
	}
	return append(names, "size_elasticity", "optimism_bias", "duration_bias", "inflation")
}

// InputShortNames are InputNames abbreviated for a narrow column, in the
// same order: "uc.ac" for unit_cost.acute, "β" for size_elasticity.
func InputShortNames() []string {
	return []string{"uc.ac", "uc.mh", "uc.co", "uc.am", "uc.sp", "β", "ob", "db", "infl"}
}

// InputIndex returns the position of a scenario-level input in InputNames.
func InputIndex(name string) (int, bool) {
	for i, n := range InputNames() {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// Input returns the distribution of scenario-level input i (see InputNames).
func (s *Scenario) Input(i int) *Distribution {
	switch {
	case i >= 0 && i < NumTrustTypes:
		return &s.UnitCost[i]
	case i == InputSizeElasticity:
		return &s.SizeElasticity
	case i == InputOptimismBias:
		return &s.OptimismBias
	case i == InputDurationBias:
		return &s.DurationBias
	case i == InputInflation:
		return &s.Inflation
	}
	return nil
}

// Years returns the modelled years, base_year to horizon_year.
func (s Scenario) Years() []FinancialYear {
	n := s.HorizonYear.Sub(s.BaseYear) + 1
	if n < 0 {
		n = 0
	}
	ys := make([]FinancialYear, n)
	for i := range ys {
		ys[i] = s.BaseYear.Add(i)
	}
	return ys
}

// MaxIterations bounds a run so that its scenario-level series fit in memory.
const MaxIterations = 10_000_000

// Validate checks every value of the scenario and returns all problems found,
// each naming its key.
func (s Scenario) Validate() error {
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, a...)))
	}
	s.validateUplift(bad)
	if strings.TrimSpace(s.Name) == "" {
		errs = append(errs, errNoName)
	}
	if s.TargetYear < s.BaseYear {
		bad("target_year", "%s is before base_year %s", s.TargetYear, s.BaseYear)
	}
	if s.HorizonYear < s.TargetYear {
		bad("horizon_year", "%s is before target_year %s", s.HorizonYear, s.TargetYear)
	}
	if s.PlanTo < s.PlanFrom {
		bad("plan_to", "%s is before plan_from %s", s.PlanTo, s.PlanFrom)
	}
	if s.HorizonYear.Sub(s.BaseYear) > 100 {
		bad("horizon_year", "%s is more than 100 years after base_year %s", s.HorizonYear, s.BaseYear)
	}
	for _, k := range ScalarKeys() {
		if k.Kind == KindFloat || k.Kind == KindInt {
			if p := k.Domain.checkValue(k.Value(&s).Float(k.Kind)); p != "" {
				bad(k.Name, "%s", p)
			}
		}
	}
	if s.Sampling != LHS && s.Sampling != Random {
		bad("sampling", "%q is not lhs or random", s.Sampling)
	}
	okPriority := false
	for _, p := range Priorities() {
		okPriority = okPriority || s.Priority == p
	}
	if !okPriority {
		bad("priority", "%q is not one of lowest-maturity, largest-gap, lowest-cost, region-balanced", s.Priority)
	}
	for _, k := range DistributionKeys() {
		d := *k.Dist(&s)
		if err := d.Validate(); err != nil {
			bad(k.Name, "%v", err)
			continue
		}
		if p := k.Domain.checkDistribution(k.Name, d); p != "" {
			bad(k.Name, "%s", p)
		}
	}
	corrErrs := len(errs)
	seen := map[[2]string]bool{}
	for i, c := range s.Correlations {
		key := fmt.Sprintf("correlation[%d]", i+1)
		ia, okA := InputIndex(c.A)
		ib, okB := InputIndex(c.B)
		if !okA {
			bad(key, "a = %q is not a scenario-level input (want one of %v)", c.A, InputNames())
		}
		if !okB {
			bad(key, "b = %q is not a scenario-level input (want one of %v)", c.B, InputNames())
		}
		if okA && okB && ia == ib {
			bad(key, "a and b are both %q", c.A)
		}
		if !(c.Rho > -1 && c.Rho < 1) {
			bad(key, "rho %g is outside (-1, 1)", c.Rho)
		}
		pair := [2]string{c.A, c.B}
		if ia > ib {
			pair = [2]string{c.B, c.A}
		}
		if seen[pair] {
			bad(key, "the pair %s, %s is given twice", c.A, c.B)
		}
		seen[pair] = true
	}
	if len(errs) == corrErrs {
		if p := inconsistentCorrelations(s.Correlations); p != "" {
			bad("correlation", "%s", p)
		}
	}
	return errors.Join(errs...)
}
