package report

import (
	"fmt"
	"strings"

	"corecast/format"
)

// SheetBrief is the first sheet: what a finance director reads.
const SheetBrief = "Brief"

// briefRow is one line of the Brief: what it is about, and the words.
type briefRow struct{ item, text string }

// briefSheet holds, for each run, the question and its answer in words
// (DESIGN §9): the money by year against the plan at P50 and budget_p,
// P(all core by target), what binds, the largest drivers, the hindcast's
// verdict and the caveats. It prints on one page.
func briefSheet(b *book) *sheet {
	// Built by hand rather than stacked, so that every column wraps and
	// reads from the top of its cell, as the long text does.
	var rows []briefRow
	var labels []string
	for k := range b.runs {
		for _, r := range briefRows(b, k) {
			rows, labels = append(rows, r), append(labels, b.labels[k])
		}
	}
	t := &table{name: "brief", n: len(rows), cols: []column{{name: "scenario", input: true, wrap: true}, {name: "item", wrap: true},
		{name: "text", kind: kText, wide: true, left: true, wrap: true}}}
	t.row = func(i int, dst []any) { dst[0], dst[1], dst[2] = labels[i], rows[i].item, rows[i].text }
	return &sheet{name: SheetBrief, onePage: true, tables: []*table{t}, notes: []string{
		"The question and the answer in words, for each scenario. Money in £m at base-year real prices; the sheets after this one hold every figure and how it was made.",
	}}
}

// briefRows writes run k's Brief.
func briefRows(b *book, k int) []briefRow {
	run := b.runs[k]
	r := run.Result
	sc := r.Scenario
	budget := format.Percentile(sc.BudgetP)
	window := sc.PlanFrom.String() + " to " + sc.PlanTo.String()
	out := []briefRow{{"Question", fmt.Sprintf(
		"How much national investment do NHS trusts in England need to reach core digitisation (maturity %s) by %s, and by when can they all get there?",
		format.Param(sc.CoreThreshold), sc.TargetYear)}}
	out = append(out, briefAnswer(run)...)
	need, _ := r.Output("total_need")
	nat, _ := r.Output("national_need")
	spend, _ := r.Output("plan_window_spend")
	out = append(out,
		briefRow{"Against the plan", fmt.Sprintf("As the scenario stands, spend in %s (trust funding dated then and modelled spend) is %s at P50 and %s at %s, against the %s plan: P(within plan) %s.",
			window, format.Money(spend.Stats.P50), format.Money(spend.Stats.Budget), budget, format.Money(sc.PlanTotalM), format.Percent(r.PWithinPlan.P))},
		briefRow{"Need", fmt.Sprintf("Total need beyond funding already counted: %s at P50, %s at %s (mean %s); the national share %s at P50, %s at %s.",
			format.Money(need.Stats.P50), format.Money(need.Stats.Budget), budget, format.Money(need.Stats.Mean),
			format.Money(nat.Stats.P50), format.Money(nat.Stats.Budget), budget)},
		briefRow{"By when", fmt.Sprintf("P(all trusts core by %s) is %s as the scenario stands; the year all are core is %s at the median (P10 %s, P90 %s).",
			sc.TargetYear, format.Percent(r.PAllCoreByTarget.P), format.Year(r.AllCore.P50, sc.HorizonYear),
			format.Year(r.AllCore.P10, sc.HorizonYear), format.Year(r.AllCore.P90, sc.HorizonYear))},
		briefRow{"What binds", briefBinds(run)},
		briefRow{"Largest drivers", briefDrivers(run)},
		briefRow{"History", briefHistory(run)},
		briefRow{"Caveats", "Monte Carlo estimates from " + format.Int(r.Iterations) + " iterations (seed " + fmt.Sprint(sc.Seed) +
			"): each figure has a sampling error, given on the Summary sheet. An uplift is headroom in the national envelope, not spend: the money the forecast spends of it is on the InvestmentNeeded sheet. " +
			"The model schedules trusts first-fit under the envelope and a yearly limit on starts; unit costs, optimism bias and deployment times are assumptions (Assumptions sheet)." + sampleCaveat(run)},
	)
	return out
}

// briefAnswer is the answer as money by year: the goal seek's headline
// answer (the phased one when there is one) and its national spend year by
// year at the mean and budget_p, with the window's total.
func briefAnswer(run Run) []briefRow {
	sc := run.Result.Scenario
	if len(run.Investment) == 0 {
		why := "no goal seek was run"
		for _, g := range run.GoalSeek {
			if !g.Reached {
				why = "no uplift reaches the goal (see What binds)"
			}
		}
		return []briefRow{{"Answer", "Not given in this export: " + why + ". Run with --goal-seek --goal-lever phased for the national money by year."}}
	}
	iv := run.Investment[0]
	var text string
	switch {
	case run.Phased != nil && run.Phased.Reached:
		text = "To reach core by " + sc.TargetYear.String() + " with " + format.Percent(run.Phased.Goal) + " confidence, " + PhasedAnswer(run.Phased, iv) + "."
	default:
		// The goal seek whose answer iv sets out words it, as the stderr
		// line and the GoalSeek sheet do.
		for _, g := range run.GoalSeek {
			if InvestmentFor(run, g) == iv {
				text = fmt.Sprintf("To reach core by %s with %s confidence: %s.", sc.TargetYear, format.Percent(g.Goal), GoalSeekAnswer(g, iv, sc))
				break
			}
		}
	}
	if text == "" { // an answer no goal seek of this run names
		text = "To reach core by " + sc.TargetYear.String() + ": the " + iv.Answer + " answer, year by year below and on the InvestmentNeeded sheet."
	}
	out := []briefRow{{"Answer", text}}
	budget := format.Percentile(iv.BudgetP)
	var years []string
	for _, y := range iv.Years {
		if y.Year > sc.TargetYear && y.UpliftM == 0 {
			continue
		}
		years = append(years, fmt.Sprintf("%s: uplift %s, national spend %s (%s %s)", y.Year, format.Money(y.UpliftM),
			format.Money(y.NationalSpendMeanM), budget, format.Money(y.NationalSpendBudgetM)))
	}
	out = append(out, briefRow{"Money by year", strings.Join(years, "; ") + fmt.Sprintf(
		". Over %s to %s: uplift %s, national spend %s against %s as the scenario stands (%s %s). P(all core by %s) with it: %s.",
		iv.WindowFrom, iv.WindowTo, format.Money(iv.Window.UpliftM), format.Money(iv.Window.NationalSpendMeanM), format.Money(iv.Window.NationalSpendNowMeanM),
		budget, format.Money(iv.Window.NationalSpendBudgetM), sc.TargetYear, format.Percent(iv.P.P))})
	return out
}

// briefBinds says what binds: the goal seeks' own sentence when the goal is
// out of reach, otherwise that money by year reaches it.
func briefBinds(run Run) string {
	for _, g := range run.GoalSeek {
		if !g.Reached {
			return WhatBinds(g, run.Result.Scenario) + "."
		}
	}
	if len(run.GoalSeek) == 0 {
		return "Not sought in this export (run with --goal-seek)."
	}
	return "Money: the goal is reachable with more national envelope at the scenario's capacity."
}

// briefDrivers names the three inputs whose P10–P90 swings total need most.
func briefDrivers(run Run) string {
	s := run.Sensitivity
	if s == nil || len(s.Bars) == 0 {
		return "Not analysed in this export (run with --sensitivity)."
	}
	var parts []string
	for _, bar := range s.Bars[:min(3, len(s.Bars))] {
		parts = append(parts, fmt.Sprintf("%s (total need %s to %s)", bar.Input, format.Money(bar.NeedLow), format.Money(bar.NeedHigh)))
	}
	return "Total need swings most with " + strings.Join(parts, ", ") + ", each input from its P10 to its P90 with the others at P50."
}

// briefHistory is the hindcast's verdict, or that history agrees, or that
// there was none.
func briefHistory(run Run) string {
	h := run.Result.Hindcast
	switch v := HindcastVerdict(h); {
	case h == nil:
		return "No observations to hold the forecast against (add an Observed sheet)."
	case v != "":
		return strings.ToUpper(v[:1]) + v[1:] + "."
	}
	return fmt.Sprintf("The forecast agrees with what was observed (%d trust-years; Brier %.3f against %.3f for the observed base rate).",
		len(h.Pairs), h.Brier, h.Verdict.BaseRateBrier)
}

// sampleCaveat warns when the numbers come from the embedded sample.
func sampleCaveat(run Run) string {
	if run.Manifest.Input.Name == SampleName {
		return " The input is corecast's embedded sample: real trust names, illustrative money and maturity."
	}
	return ""
}
