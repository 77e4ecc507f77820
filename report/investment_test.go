package report

import (
	"testing"
)

// TestInvestmentSheetEqualsEngine reads the InvestmentNeeded sheet back
// and finds every answer's money by year, and its window totals, as the
// engine has them, to the last bit.
func TestInvestmentSheetEqualsEngine(t *testing.T) {
	run := analysed(t, testRun(t, testScenario(t, "Baseline", 300)))
	if len(run.Investment) == 0 {
		t.Fatal("the analysed run has no answer as money by year")
	}
	f, _ := openBook(t, []Run{run})
	header, rows := sheetTable(t, f, SheetInvestment, 0)
	col := columnOf(t, header)
	i := 0
	for _, iv := range run.Investment {
		for j := 0; j <= len(iv.Years); j++ {
			if i >= len(rows) {
				t.Fatalf("the sheet has %d rows, want more", len(rows))
			}
			row := rows[i]
			i++
			want, year := iv.Window, "total "+iv.WindowFrom.String()+" to "+iv.WindowTo.String()
			if j < len(iv.Years) {
				want, year = iv.Years[j], iv.Years[j].Year.String()
			}
			if row[col("answer")] != iv.Answer || row[col("year")] != year {
				t.Fatalf("row %d is %v, want %s %s", i, row, iv.Answer, year)
			}
			for name, v := range map[string]float64{
				"envelope_now_m": want.EnvelopeNowM, "uplift_m": want.UpliftM, "envelope_m": want.EnvelopeM,
				"national_spend_now_mean_m": want.NationalSpendNowMeanM, "national_spend_mean_m": want.NationalSpendMeanM,
				"national_spend_p80_m": want.NationalSpendBudgetM, "p_all_core": iv.P.P,
			} {
				if got := num(t, row[col(name)]); !sameNumber(got, v) {
					t.Errorf("%s %s %s = %v, engine %v", iv.Answer, year, name, got, v)
				}
			}
		}
	}
	if i != len(rows) {
		t.Errorf("the sheet has %d rows, the engine %d", len(rows), i)
	}
}
