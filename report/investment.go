package report

import (
	"corecast/format"
)

// investmentNotes explain the InvestmentNeeded sheet.
var investmentNotes = []string{
	"The goal seek's answer as money by year: envelope_now_m is each year's national envelope as the scenario is, uplift_m what the answer adds to it (its whole uplift: the search starts from none), envelope_m the envelope under the answer. " +
		"An uplift is headroom, not spend: national_spend_now_mean_m and national_spend_mean_m are the mean national spend the forecast makes of the envelope as it is and under the answer, and the budget column its percentile at budget_p.",
	"Rows marked total sum each column over the modelled years of the plan's window (plan_from to plan_to); there the budget column is the percentile of the window's national spend, not the sum of the years' percentiles. " +
		"Each answer was run on its own with the scenario's seed and iterations; p_all_core is its P(all trusts core by target_year).",
}

// investmentSheet lists each run's answers as money by year, one block of
// years and a total row per answer. It applies only when some run has one.
func investmentSheet(b *book) *sheet {
	total := 0
	for _, r := range b.runs {
		total += len(r.Investment)
	}
	if total == 0 {
		return nil
	}
	// Each answer takes its years and one total row.
	rowsOf := func(k int) int {
		n := 0
		for _, iv := range b.runs[k].Investment {
			n += len(iv.Years) + 1
		}
		return n
	}
	budget := "national_spend_p80_m"
	if p := b.runs[0].Result.Scenario.BudgetP; p != 0.8 {
		budget = "national_spend_" + lowerP(format.Percentile(p)) + "_m"
	}
	cols := []column{{name: "answer"}, {name: "year"}, {name: "envelope_now_m", kind: kMoney}, {name: "uplift_m", kind: kMoney},
		{name: "envelope_m", kind: kMoney}, {name: "national_spend_now_mean_m", kind: kMoney}, {name: "national_spend_mean_m", kind: kMoney},
		{name: budget, kind: kMoney}, {name: "p_all_core", kind: kPercent}}
	t, _ := b.stacked("investment_needed", cols, rowsOf, func(k, j int, dst []any) {
		for _, iv := range b.runs[k].Investment {
			if j > len(iv.Years) {
				j -= len(iv.Years) + 1
				continue
			}
			row, year := iv.Window, "total "+iv.WindowFrom.String()+" to "+iv.WindowTo.String()
			if j < len(iv.Years) {
				row, year = iv.Years[j], iv.Years[j].Year.String()
			}
			copy(dst, []any{iv.Answer, year, row.EnvelopeNowM, row.UpliftM, row.EnvelopeM,
				row.NationalSpendNowMeanM, row.NationalSpendMeanM, row.NationalSpendBudgetM, iv.P.P})
			return
		}
	})
	return &sheet{name: SheetInvestment, notes: investmentNotes, tables: []*table{t}}
}

// lowerP writes a percentile's name as a column name does: "P87.5" as
// "p87_5".
func lowerP(name string) string {
	out := []byte(name)
	for i, c := range out {
		switch {
		case c == 'P':
			out[i] = 'p'
		case c == '.':
			out[i] = '_'
		}
	}
	return string(out)
}
