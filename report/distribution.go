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
		column{name: "total_programme", kind: kMoney}, column{name: "plan_window_spend", kind: kMoney},
		column{name: "national_spend_in_plan", kind: kMoney}, column{name: "present_value", kind: kMoney},
		column{name: "core_by_target", kind: kCount}, column{name: "all_core_year"},
		column{name: "all_core_by_target", kind: kCount}, column{name: "within_plan", kind: kCount})
	// The all-core year takes a dozen values over a million iterations:
	// each is formatted once per run, not once per row.
	years := make([]yearLabels, len(b.runs))
	for k, r := range b.runs {
		years[k] = newYearLabels(r.Result.Scenario)
	}
	t, _ := b.stackedNums("distribution", cols,
		b.each(func(r *forecast.Result) int { return r.Iterations }),
		func(k, s int, dst []any, nums []float64) {
			r := b.runs[k].Result
			sc := r.Scenario
			y := r.AllCoreYear[s]
			dst[0] = s + 1
			for j := range model.NumInputs {
				dst[1+j], nums[1+j] = inNums{}, r.Inputs[j][s]
			}
			i := 1 + model.NumInputs
			need := r.TotalNeed[s]
			prog := need + r.CommittedTotalM
			for j, v := range [...]float64{r.TotalCost[s], need, (1 - sc.LocalShare) * need, sc.LocalShare * need,
				prog, r.PlanWindowSpend(s), r.NationalSpendInPlan(s), r.PresentValue[s], r.CoreByTarget[s]} {
				dst[i+j], nums[i+j] = inNums{}, v
			}
			dst[i+9] = years[k].label(y)
			dst[i+10] = flag(y <= sc.TargetYear)
			dst[i+11] = flag(r.WithinPlan(s))
		})
	return &sheet{name: SheetDistribution, tables: []*table{t}, stream: true, printRows: distributionPrintRows, notes: []string{
		"One row per iteration: the scenario-level inputs drawn (unit costs £m per maturity point; the others as fractions) and the outputs (£m real). " +
			"national_need = (1 − local_share) × total_need; total_programme = total_need + committed funding (all years); " +
			"plan_window_spend = counted trust funding dated in the plan's window + the modelled spend of the window's years, and national_spend_in_plan its national part; " +
			"all_core_by_target and within_plan (plan_window_spend ≤ plan_total_m) are 1 or 0, so their averages are the headline probabilities.",
	}, printNotes: []string{
		"Printing: only these notes, the header and the first " + strconv.Itoa(distributionPrintRows) + " iterations print (one page), as the sheet's print area. " +
			"To print every iteration, clear the print area: in Excel, Page Layout › Print Area › Clear Print Area; in LibreOffice Calc, Format › Print Ranges › Clear.",
	}}
}

// distributionPrintRows is how many iterations of the Distribution print:
// a page's worth, to show its columns, where every iteration would be most
// of the printed workbook.
const distributionPrintRows = 60

// yearLabels are the all-core years of a run's Distribution rows as
// values, formatted once: each year of the run and "after" its horizon.
type yearLabels struct {
	base, horizon model.FinancialYear
	byYear        []any // year base+i at i
	after         any
}

// newYearLabels formats the all-core years a run of sc can have.
func newYearLabels(sc model.Scenario) yearLabels {
	l := yearLabels{base: sc.BaseYear, horizon: sc.HorizonYear, after: format.Year(model.Never, sc.HorizonYear)}
	for y := sc.BaseYear; y <= sc.HorizonYear; y++ {
		l.byYear = append(l.byYear, format.Year(y, sc.HorizonYear))
	}
	return l
}

// label is the value of all-core year y, formatted as format.Year does.
func (l yearLabels) label(y model.FinancialYear) any {
	if y >= model.Never {
		return l.after
	}
	if i := int(y - l.base); i >= 0 && i < len(l.byYear) {
		return l.byYear[i]
	}
	return format.Year(y, l.horizon)
}

// flag writes a condition as 1 or 0.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
