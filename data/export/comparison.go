package export

import (
	"math"

	"corecast/forecast"
)

// comparisonRow is one measure compared between two runs.
type comparisonRow struct {
	measure, unit string
	a, b          float64 // this run's value and the first run's
	seA, seB      float64 // their Monte Carlo standard errors
	k             kind
}

// comparisonRows lists the measures compared: every headline output's mean
// and the two headline probabilities.
func comparisonRows(r, first *forecast.Result) []comparisonRow {
	var rows []comparisonRow
	for _, o := range r.Outputs {
		f, ok := first.Output(o.Key)
		if !ok {
			continue
		}
		rows = append(rows, comparisonRow{measure: o.Key + " (mean)", unit: o.Unit, a: o.Stats.Mean, b: f.Stats.Mean, seA: o.Stats.SE, seB: f.Stats.SE, k: kMoney})
	}
	rows = append(rows,
		comparisonRow{measure: "P(all trusts core by target year)", unit: "probability", a: r.PAllCoreByTarget.P, b: first.PAllCoreByTarget.P, seA: r.PAllCoreByTarget.SE, seB: first.PAllCoreByTarget.SE, k: kPercent},
		comparisonRow{measure: "P(total programme ≤ plan)", unit: "probability", a: r.PWithinPlan.P, b: first.PWithinPlan.P, seA: r.PWithinPlan.SE, seB: first.PWithinPlan.SE, k: kPercent})
	return rows
}

// comparisonSheet sets each run after the first against the first, with the
// Monte Carlo error of each difference. It applies only to several runs.
func comparisonSheet(b *book) *sheet {
	if len(b.runs) < 2 {
		return nil
	}
	first := b.runs[0].Result
	cols := []column{{name: "measure"}, {name: "unit"}, {name: "value"}, {name: "first_scenario"}, {name: "first_value"},
		{name: "difference"}, {name: "difference_mc_se"}, {name: "z"}}
	t, _ := b.stacked("comparison", cols,
		func(k int) int {
			if k == 0 {
				return 0
			}
			return len(comparisonRows(b.runs[k].Result, first))
		},
		func(k, j int, dst []any) {
			c := comparisonRows(b.runs[k].Result, first)[j]
			se := math.Hypot(c.seA, c.seB)
			z := math.NaN()
			if se > 0 {
				z = (c.a - c.b) / se
			}
			seKind := kMoney
			if c.k == kPercent {
				seKind = kPctSE
			}
			copy(dst, []any{c.measure, c.unit, cell{c.a, c.k}, b.labels[0], cell{c.b, c.k},
				cell{c.a - c.b, c.k}, cell{se, seKind}, cell{z, kScore}})
		})
	return &sheet{name: SheetComparison, tables: []*table{t}, notes: []string{
		"Each scenario against the first, " + b.labels[0] + ": difference = value − first_value; difference_mc_se = √(SE_a² + SE_b²); z = difference / difference_mc_se.",
		"The runs share the seed (common random numbers), so their errors are positively correlated and the true error of a difference is usually smaller: difference_mc_se is conservative. Under lhs each SE is itself an upper bound.",
	}}
}
