package report

import (
	"fmt"
	"strings"

	"corecast/forecast"
	"corecast/format"
)

// statsColumns are the columns of a forecast.Stats, after a prefix: of kind
// k, or kNumber when each row's unit says what the numbers are.
func statsColumns(prefix string, k kind) []column {
	names := []string{"mean", "sd", "mc_se", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "min", "max"}
	cols := make([]column, len(names))
	for i, n := range names {
		cols[i] = column{name: prefix + n, kind: k}
	}
	return cols
}

// statsValues writes a forecast.Stats in statsColumns order, each value a
// number in the format of kind k.
func statsValues(s forecast.Stats, k kind, dst []any) {
	for i, v := range []float64{s.Mean, s.SD, s.SE, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Min, s.Max} {
		dst[i] = cell{v, k}
	}
}

const seNote = "mc_se is the Monte Carlo standard error of the mean, sd/√N: exact for random sampling, an upper bound under Latin hypercube sampling (lhs)."

// summarySheet holds the headline outputs with their statistics and the
// headline probabilities, years and settings.
func summarySheet(b *book) *sheet {
	// Most outputs are £m, one is a number of trusts: the unit column says
	// which, and each row has its own number format.
	cols := append([]column{{name: "output"}, {name: "label"}, {name: "unit"}}, statsColumns("", kNumber)...)
	cols = append(cols, column{name: "budget_p", kind: kPercent}, column{name: "at_budget_p", kind: kNumber})
	outputs, _ := b.stacked("summary", cols,
		b.each(func(r *forecast.Result) int { return len(r.Outputs) }),
		func(k, j int, dst []any) {
			r := b.runs[k].Result
			o := r.Outputs[j]
			dst[0], dst[1], dst[2] = o.Key, o.Label, o.Unit
			statsValues(o.Stats, unitKind(o.Unit), dst[3:])
			n := len(cols)
			dst[n-2], dst[n-1] = r.Scenario.BudgetP, cell{o.Stats.Budget, unitKind(o.Unit)}
		})

	headline, _ := b.stacked("headline",
		[]column{{name: "measure"}, {name: "value", kind: kMixed}, {name: "mc_se", kind: kNumber}, {name: "note", overflow: true}},
		b.each(func(r *forecast.Result) int { return len(headlineRows(r, "")) }),
		func(k, j int, dst []any) {
			h := headlineRows(b.runs[k].Result, b.runs[k].Manifest.Precision)[j]
			dst[0], dst[1], dst[2], dst[3] = h.measure, h.value, h.se, h.note
		})
	headline.title = "Headline probabilities, years and settings"
	return &sheet{name: SheetSummary, notes: []string{
		"Money in £m at base-year real prices. " + seNote,
		"at_budget_p is each output's percentile at budget_p (P80 by default, HM Treasury practice): the figure to budget at, beside the P50. " +
			"total_programme covers all years (funding received before the plan and need spent after it); plan_window_spend is the spend dated in the plan's window, plan_from to plan_to, and is what the plan is set against.",
	}, tables: []*table{outputs, headline}}
}

// headlineRow is one row of the headline table.
type headlineRow struct {
	measure string
	value   any
	se      any
	note    string
}

// headlineRows lists the headline figures of one run; precision is how a
// run to a precision chose its iterations (Manifest.Precision), the note of
// the Iterations row.
func headlineRows(r *forecast.Result, precision string) []headlineRow {
	sc := r.Scenario
	target := sc.TargetYear.String()
	window, _ := r.Output("plan_window_spend")
	pNote := "Monte Carlo standard error √(p(1−p)/N)"
	span := sc.PlanFrom.String() + " to " + sc.PlanTo.String()
	budget := format.Percentile(sc.BudgetP)
	rows := []headlineRow{
		{"P(all trusts core by " + target + ")", cell{r.PAllCoreByTarget.P, kPercent}, cell{r.PAllCoreByTarget.SE, kPctSE}, pNote},
		{fmt.Sprintf("P(spend %s ≤ plan £%sm)", span, format.Thousands(sc.PlanTotalM)), cell{r.PWithinPlan.P, kPercent}, cell{r.PWithinPlan.SE, kPctSE},
			pNote + "; spend in the plan's window: counted trust funding dated in it and the modelled spend of its years"},
		{"Year all trusts core, P10", format.Year(r.AllCore.P10, sc.HorizonYear), nil, "percentiles of the year the last trust completes"},
		{"Year all trusts core, P50", format.Year(r.AllCore.P50, sc.HorizonYear), nil, ""},
		{"Year all trusts core, P90", format.Year(r.AllCore.P90, sc.HorizonYear), nil, ""},
		{"Committed funding counted, £m", cell{r.CommittedTotalM, kMoney}, nil, "received and committed funding of all trusts" + planned(sc.IncludePlanned)},
		{"Plan total, £m", cell{sc.PlanTotalM, kMoney}, nil, "plan_total_m, for spend " + span},
		{"Mean spend " + span + " minus plan, £m", cell{window.Stats.Mean - sc.PlanTotalM, kMoney}, cell{window.Stats.SE, kMoney}, "negative: within the plan"},
		{"Trusts", cell{float64(len(r.ByTrust)), kCount}, nil, ""},
		{"Iterations", cell{float64(r.Iterations), kCount}, nil, precision},
		{"Seed", seedValue(sc.Seed), nil, joinNotes("the same seed and iterations give identical numbers", seedNote(sc.Seed))},
		{"Sampling", string(sc.Sampling), nil, "scenario-level inputs: lhs (Latin hypercube) or random"},
	}
	// The budgets at budget_p beside the P50 (DESIGN §6).
	for _, key := range []string{"total_need", "national_need", "plan_window_spend"} {
		o, _ := r.Output(key)
		rows = append(rows,
			headlineRow{o.Label + " at " + budget + ", £m", cell{o.Stats.Budget, kMoney}, nil, "budget at budget_p = " + format.Percent(sc.BudgetP)},
			headlineRow{o.Label + " at P50, £m", cell{o.Stats.P50, kMoney}, nil, "median"})
	}
	return rows
}

// planned completes a note on counted funding.
func planned(include bool) string {
	if include {
		return ", and planned funding (include_planned = true)"
	}
	return ""
}

// joinNotes joins the notes that are not empty with "; ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}
