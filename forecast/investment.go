package forecast

import (
	"context"
	"fmt"

	"corecast/model"
)

// Answer returns sc with the goal seek's answer applied and true, or sc
// and false when there is nothing to apply. Reached on the envelope, the
// answer is the uniform uplift (replacing any uplift, uniform or by year,
// since the search starts from none); reached on capacity, the capacity.
// Not reached on the envelope but reachable at more capacity, the answer is
// that capacity with the uplift that reaches the goal there: the pair is
// one answer and is applied together.
func (g *GoalSeekResult) Answer(sc model.Scenario) (model.Scenario, bool) {
	out := sc.Clone()
	switch {
	case g == nil:
		return sc, false
	case g.Reached && g.Lever == LeverCapacity:
		out.CapacityStarts = int(g.Value)
	case g.Reached:
		out.ClearUplift()
		out.EnvelopeUpliftM = g.Value
	case g.Lever == LeverEnvelope && g.CapacityNeeded > 0:
		out.ClearUplift()
		out.CapacityStarts, out.EnvelopeUpliftM = g.CapacityNeeded, g.CapacityUplift
	default:
		return sc, false
	}
	return out, true
}

// Answer returns sc with the phased table applied as its whole uplift (a
// table replaces any uplift the scenario had, years it does not list
// getting 0) and true, or sc and false when the goal was not reached.
func (r *PhasedResult) Answer(sc model.Scenario) (model.Scenario, bool) {
	if r == nil || !r.Reached {
		return sc, false
	}
	out := sc.Clone()
	out.ClearUplift()
	out.EnvelopeUpliftByYear = map[model.FinancialYear]float64{}
	for i, y := range r.Years {
		if r.Uplift[i] != 0 {
			out.EnvelopeUpliftByYear[y] = r.Uplift[i]
		}
	}
	if len(out.EnvelopeUpliftByYear) == 0 {
		out.EnvelopeUpliftByYear = nil
	}
	return out, true
}

// InvestmentYear is one year of the investment_needed table (DESIGN §7,
// "The answer is money by year"): the national envelope before and under
// an answer, and the national spend the forecast makes of it.
type InvestmentYear struct {
	Year model.FinancialYear
	// EnvelopeNowM is the year's national envelope in the scenario as it
	// is; UpliftM is what the answer adds to the year (its whole uplift,
	// the search starting from none); EnvelopeM is the envelope under it.
	EnvelopeNowM, UpliftM, EnvelopeM float64
	// NationalSpendNowMeanM is the mean national spend of the year as the
	// scenario is, NationalSpendMeanM under the answer, and
	// NationalSpendBudgetM its percentile at budget_p (P80 by default).
	NationalSpendNowMeanM, NationalSpendMeanM, NationalSpendBudgetM float64
}

// Investment is an answer as money by year, with totals over the plan's
// window. An uplift is headroom, not spend: the national spend columns say
// how much of it the forecast uses.
type Investment struct {
	// Answer names what was applied: "phased", "uniform", "capacity".
	Answer string
	// Scenario is the scenario under the answer.
	Scenario model.Scenario
	// P is P(all core by target_year) under the answer, from its own run.
	P       Probability
	BudgetP float64
	Years   []InvestmentYear // base_year … horizon_year
	// Window is the total of each column over the modelled years of the
	// plan's window, plan_from … plan_to. Its NationalSpendBudgetM is the
	// percentile at budget_p of the window's national spend (not the sum of
	// the years' percentiles).
	Window InvestmentYear
	// WindowFrom and WindowTo are the years Window covers.
	WindowFrom, WindowTo model.FinancialYear
	// UpliftThroughTargetM is the answer's uplift summed over base_year …
	// target_year: the money it asks for in the years that can help.
	UpliftThroughTargetM float64
}

// ExtraInWindowM is the national spend the answer brings into the plan's
// window: mean spend under it less mean spend as the scenario is.
func (iv *Investment) ExtraInWindowM() float64 {
	return iv.Window.NationalSpendMeanM - iv.Window.NationalSpendNowMeanM
}

// InvestmentNeeded runs the scenario answer (a goal seek's answer applied
// to now's scenario) with now's inputs, seed and iterations, and sets its
// national envelope and spend year by year against now's. name says which
// answer it is.
func InvestmentNeeded(ctx context.Context, in model.Inputs, now *Result, answer model.Scenario, name string, opts Options) (*Investment, error) {
	res, err := Run(ctx, in, answer, opts)
	if err != nil {
		return nil, fmt.Errorf("the %s answer's run: %w", name, err)
	}
	return newInvestment(now, res, name), nil
}

// newInvestment builds the table from the scenario's run and the answer's.
func newInvestment(now, ans *Result, name string) *Investment {
	sc := ans.Scenario
	iv := &Investment{Answer: name, Scenario: sc, P: ans.PAllCoreByTarget, BudgetP: sc.BudgetP,
		WindowFrom: max(sc.PlanFrom, sc.BaseYear), WindowTo: min(sc.PlanTo, sc.HorizonYear)}
	share := 1 - sc.LocalShare
	for k, y := range ans.ByYear {
		row := InvestmentYear{Year: y.Year, UpliftM: sc.UpliftAt(y.Year), EnvelopeM: y.EnvelopeM,
			NationalSpendMeanM: y.NationalMean, NationalSpendBudgetM: share * y.Total.Budget}
		if k < len(now.ByYear) && now.ByYear[k].Year == y.Year {
			row.EnvelopeNowM, row.NationalSpendNowMeanM = now.ByYear[k].EnvelopeM, now.ByYear[k].NationalMean
		}
		iv.Years = append(iv.Years, row)
		if y.Year <= sc.TargetYear {
			iv.UpliftThroughTargetM += row.UpliftM
		}
		if y.Year >= iv.WindowFrom && y.Year <= iv.WindowTo {
			w := &iv.Window
			w.EnvelopeNowM += row.EnvelopeNowM
			w.UpliftM += row.UpliftM
			w.EnvelopeM += row.EnvelopeM
			w.NationalSpendNowMeanM += row.NationalSpendNowMeanM
			w.NationalSpendMeanM += row.NationalSpendMeanM
		}
	}
	// The window's national spend at budget_p, from the whole series: the
	// national spend in plan less the trust funding dated in the window.
	if o, ok := ans.Output("national_spend_in_plan"); ok {
		iv.Window.NationalSpendBudgetM = o.Stats.Budget - ans.WindowNationalM
	}
	return iv
}
