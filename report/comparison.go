package report

import (
	"math"

	"corecast/forecast"
)

// comparisonNotes explain the Comparison sheet; first names the first run.
func comparisonNotes(first string) []string {
	return []string{
		"Each scenario against the first, " + first + ": difference = value − first_value; z = difference / difference_mc_se.",
		"paired = yes: both runs have the same seed and iterations, so their draws are common random numbers and are compared iteration by iteration; difference_mc_se is the standard error of the mean of the per-iteration differences, usually far smaller than either run's own error.",
		"paired = no (different seeds or iterations): difference_mc_se = √(SE_a² + SE_b²), treating the runs as independent; under lhs each SE is itself an upper bound, so this is conservative.",
	}
}

// unitKind is the number format of a figure, by its unit as forecast names
// it.
func unitKind(unit string) kind {
	switch unit {
	case "£m":
		return kMoney
	case "probability":
		return kPercent
	case "trusts":
		return kTrusts
	}
	return kRatio
}

// comparisonSheet sets each run after the first against the first, with the
// Monte Carlo error of each difference. It applies only to several runs.
func comparisonSheet(b *book) *sheet {
	if len(b.runs) < 2 {
		return nil
	}
	first := b.runs[0].Result
	diffs := make([][]forecast.Difference, len(b.runs))
	for k := 1; k < len(b.runs); k++ {
		diffs[k] = forecast.Compare(first, b.runs[k].Result)
	}
	cols := []column{{name: "measure"}, {name: "label"}, {name: "unit"}, {name: "paired"}, {name: "first_scenario"}, {name: "first_value", kind: kNumber},
		{name: "value", kind: kNumber}, {name: "difference", kind: kNumber}, {name: "difference_mc_se", kind: kNumber}, {name: "z", kind: kScore}}
	t, _ := b.stacked("comparison", cols,
		func(k int) int { return len(diffs[k]) },
		func(k, j int, dst []any) {
			d := diffs[k][j]
			c := unitKind(d.Unit)
			seKind := c
			switch c {
			case kPercent:
				seKind = kPctSE
			case kTrusts:
				seKind = kScore // errors of a fraction of a trust
			}
			z := math.NaN()
			if d.SE > 0 {
				z = d.Diff / d.SE
			}
			paired := "no"
			if d.Paired {
				paired = "yes"
			}
			copy(dst, []any{d.Key, d.Label, d.Unit, paired, b.labels[0], cell{d.A, c},
				cell{d.B, c}, cell{d.Diff, c}, cell{d.SE, seKind}, z})
		})
	return &sheet{name: SheetComparison, tables: []*table{t}, notes: comparisonNotes(b.labels[0])}
}
