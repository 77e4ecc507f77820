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
	outputs, _ := b.stacked("summary", cols,
		b.each(func(r *forecast.Result) int { return len(r.Outputs) }),
		func(k, j int, dst []any) {
			o := b.runs[k].Result.Outputs[j]
			dst[0], dst[1], dst[2] = o.Key, o.Label, o.Unit
			statsValues(o.Stats, unitKind(o.Unit), dst[3:])
		})

	headline, _ := b.stacked("headline",
		[]column{{name: "measure"}, {name: "value", kind: kMixed}, {name: "mc_se", kind: kNumber}, {name: "note", overflow: true}},
		b.each(func(r *forecast.Result) int { return len(headlineRows(r)) }),
		func(k, j int, dst []any) {
			h := headlineRows(b.runs[k].Result)[j]
			dst[0], dst[1], dst[2], dst[3] = h.measure, h.value, h.se, h.note
		})
	headline.title = "Headline probabilities, years and settings"
	return &sheet{name: SheetSummary, notes: []string{
		"Money in £m at base-year real prices. " + seNote,
	}, tables: []*table{outputs, headline}}
}

// headlineRow is one row of the headline table.
type headlineRow struct {
	measure string
	value   any
	se      any
	note    string
}

// headlineRows lists the headline figures of one run.
func headlineRows(r *forecast.Result) []headlineRow {
	sc := r.Scenario
	target := sc.TargetYear.String()
	prog, _ := r.Output("total_programme")
	pNote := "Monte Carlo standard error √(p(1−p)/N)"
	return []headlineRow{
		{"P(all trusts core by " + target + ")", cell{r.PAllCoreByTarget.P, kPercent}, cell{r.PAllCoreByTarget.SE, kPctSE}, pNote},
		{fmt.Sprintf("P(total programme ≤ plan £%sm)", format.Thousands(sc.PlanTotalM)), cell{r.PWithinPlan.P, kPercent}, cell{r.PWithinPlan.SE, kPctSE}, pNote},
		{"Year all trusts core, P10", format.Year(r.AllCore.P10, sc.HorizonYear), nil, "percentiles of the year the last trust completes"},
		{"Year all trusts core, P50", format.Year(r.AllCore.P50, sc.HorizonYear), nil, ""},
		{"Year all trusts core, P90", format.Year(r.AllCore.P90, sc.HorizonYear), nil, ""},
		{"Committed funding counted, £m", cell{r.CommittedTotalM, kMoney}, nil, "received and committed funding of all trusts" + planned(sc.IncludePlanned)},
		{"Plan total, £m", cell{sc.PlanTotalM, kMoney}, nil, "plan_total_m"},
		{"Mean total programme minus plan, £m", cell{prog.Stats.Mean - sc.PlanTotalM, kMoney}, cell{prog.Stats.SE, kMoney}, "negative: within the plan"},
		{"Trusts", cell{float64(len(r.ByTrust)), kCount}, nil, ""},
		{"Iterations", cell{float64(r.Iterations), kCount}, nil, ""},
		{"Seed", seedValue(sc.Seed), nil, joinNotes("the same seed and iterations give identical numbers", seedNote(sc.Seed))},
		{"Sampling", string(sc.Sampling), nil, "scenario-level inputs: lhs (Latin hypercube) or random"},
	}
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
