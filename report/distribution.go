package report

import (
	"strconv"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// distributionSheet holds one row per iteration and run: the scenario-level
// inputs drawn and the outputs recorded, so that a reviewer can re-derive any
// headline statistic. It is streamed. It is left out when the book says so.
func distributionSheet(b *book) *sheet {
	if b.noDistribution {
		return nil
	}
	cols := []column{{name: "iteration", kind: kCount}}
	for _, n := range model.InputNames() {
		cols = append(cols, column{name: n, kind: kRatio})
	}
	cols = append(cols,
		column{name: "total_cost", kind: kMoney}, column{name: "total_need", kind: kMoney},
		column{name: "national_need", kind: kMoney}, column{name: "local_need", kind: kMoney},
		column{name: "total_programme", kind: kMoney}, column{name: "present_value", kind: kMoney},
		column{name: "core_by_target", kind: kCount}, column{name: "all_core_year"},
		column{name: "all_core_by_target", kind: kCount}, column{name: "within_plan", kind: kCount})
	// The all-core year takes a dozen values over a million iterations:
	// each is formatted once per run, not once per row.
	years := make([]map[model.FinancialYear]any, len(b.runs))
	t, _ := b.stacked("distribution", cols,
		b.each(func(r *forecast.Result) int { return r.Iterations }),
		func(k, s int, dst []any) {
			r := b.runs[k].Result
			sc := r.Scenario
			if years[k] == nil {
				years[k] = map[model.FinancialYear]any{}
			}
			y := r.AllCoreYear[s]
			year, ok := years[k][y]
			if !ok {
				year = format.Year(y, sc.HorizonYear)
				years[k][y] = year
			}
			dst[0] = s + 1
			for j := range model.NumInputs {
				dst[1+j] = r.Inputs[j][s]
			}
			i := 1 + model.NumInputs
			need := r.TotalNeed[s]
			prog := need + r.CommittedTotalM
			dst[i+0] = r.TotalCost[s]
			dst[i+1] = need
			dst[i+2] = (1 - sc.LocalShare) * need
			dst[i+3] = sc.LocalShare * need
			dst[i+4] = prog
			dst[i+5] = r.PresentValue[s]
			dst[i+6] = r.CoreByTarget[s]
			dst[i+7] = year
			dst[i+8] = flag(y <= sc.TargetYear)
			dst[i+9] = flag(prog <= sc.PlanTotalM)
		})
	return &sheet{name: SheetDistribution, tables: []*table{t}, stream: true, printRows: distributionPrintRows, notes: []string{
		"One row per iteration: the scenario-level inputs drawn (unit costs £m per maturity point; the others as fractions) and the outputs (£m real). " +
			"national_need = (1 − local_share) × total_need; total_programme = total_need + committed funding; all_core_by_target and within_plan are 1 or 0, so their averages are the headline probabilities.",
	}, printNotes: []string{
		"Printing: only these notes, the header and the first " + strconv.Itoa(distributionPrintRows) + " iterations print (one page), as the sheet's print area. " +
			"To print every iteration, clear the print area: in Excel, Page Layout › Print Area › Clear Print Area; in LibreOffice Calc, Format › Print Ranges › Clear.",
	}}
}

// distributionPrintRows is how many iterations of the Distribution print:
// a page's worth, to show its columns, where every iteration would be most
// of the printed workbook.
const distributionPrintRows = 60

// flag writes a condition as 1 or 0.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
