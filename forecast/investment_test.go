package forecast

import (
	"context"
	"maps"
	"testing"

	"corecast/model"
)

// TestInvestmentNeededByHand works the investment_needed table out by hand.
// Trust A needs 50 (national 25, 12.5 a year for two years, see
// TestKnownAnswerOneTrust). Counted NATIONAL rows of 0 in 2019-20 and
// 2020-21 hold it back to 2021-22; an uplift of 12.5 a year lets it start in
// 2019-20. The uplift is headroom: national spend over all years is 25
// either way, and what the answer brings into a window ending 2020-21 is
// those 25.
func TestInvestmentNeededByHand(t *testing.T) {
	in := model.Inputs{
		Trusts: []model.Trust{trust("A", 55)},
		Funding: []model.Funding{
			{Code: "A", Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received},
			{Code: model.NationalCode, Year: 2019, NationalM: 0, Status: model.Committed},
			{Code: model.NationalCode, Year: 2020, NationalM: 0, Status: model.Committed},
		},
	}
	sc := fixedScenario()
	sc.PlanFrom, sc.PlanTo = 2019, 2020
	now := mustRun(t, in, sc)
	answer := sc.Clone()
	answer.EnvelopeUpliftM = 12.5
	iv, err := InvestmentNeeded(context.Background(), in, now, answer, "uniform", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.FinancialYear][6]float64{ // envelope now, uplift, envelope, spend now, spend, spend at P80
		2019: {0, 12.5, 12.5, 0, 12.5, 12.5},
		2020: {0, 12.5, 12.5, 0, 12.5, 12.5},
		2021: {1200, 12.5, 1212.5, 12.5, 0, 0},
		2022: {1200, 12.5, 1212.5, 12.5, 0, 0},
		2023: {1200, 12.5, 1212.5, 0, 0, 0},
	}
	for _, row := range iv.Years {
		w, ok := want[row.Year]
		if !ok {
			continue
		}
		got := [6]float64{row.EnvelopeNowM, row.UpliftM, row.EnvelopeM, row.NationalSpendNowMeanM, row.NationalSpendMeanM, row.NationalSpendBudgetM}
		if got != w {
			t.Errorf("%s: got %v, want %v", row.Year, got, w)
		}
	}
	if w := iv.Window; w.UpliftM != 25 || w.NationalSpendNowMeanM != 0 || w.NationalSpendMeanM != 25 || w.NationalSpendBudgetM != 25 {
		t.Errorf("window totals %+v: want uplift 25, spend now 0, spend 25 (P80 25)", w)
	}
	if got := iv.ExtraInWindowM(); got != 25 {
		t.Errorf("extra national spend in the window %v, want 25", got)
	}
	if iv.UpliftThroughTargetM != 5*12.5 {
		t.Errorf("uplift through target %v, want %v", iv.UpliftThroughTargetM, 5*12.5)
	}
	if iv.WindowFrom != 2019 || iv.WindowTo != 2020 || iv.P.P != 1 {
		t.Errorf("window %s–%s, P %v", iv.WindowFrom, iv.WindowTo, iv.P.P)
	}
}

// TestAnswersAsScenarios checks what each answer changes in a scenario,
// and that an answer replaces the scenario's uplift whole.
func TestAnswersAsScenarios(t *testing.T) {
	base := model.DefaultScenario()
	base.EnvelopeUpliftByYear = map[model.FinancialYear]float64{2024: 970, 2025: 970}
	cases := []struct {
		name     string
		answer   func(model.Scenario) (model.Scenario, bool)
		ok       bool
		capacity int
		uniform  float64
		table    map[model.FinancialYear]float64
	}{
		{"uplift reached", (&GoalSeekResult{Lever: LeverEnvelope, Reached: true, Value: 771}).Answer, true, 80, 771, nil},
		{"capacity reached", (&GoalSeekResult{Lever: LeverCapacity, Reached: true, Value: 153}).Answer, true, 153, 0, base.EnvelopeUpliftByYear},
		{"capacity and money", (&GoalSeekResult{Lever: LeverEnvelope, CapacityNeeded: 153, CapacityUplift: 1470}).Answer, true, 153, 1470, nil},
		{"out of reach", (&GoalSeekResult{Lever: LeverEnvelope}).Answer, false, 80, 0, base.EnvelopeUpliftByYear},
		{"phased table", (&PhasedResult{Reached: true, Years: []model.FinancialYear{2019, 2020, 2021}, Uplift: []float64{771, 800, 0}}).Answer,
			true, 80, 0, map[model.FinancialYear]float64{2019: 771, 2020: 800}},
		{"phased not reached", (&PhasedResult{}).Answer, false, 80, 0, base.EnvelopeUpliftByYear},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.answer(base.Clone())
			if ok != c.ok || got.CapacityStarts != c.capacity || got.EnvelopeUpliftM != c.uniform || !maps.Equal(got.EnvelopeUpliftByYear, c.table) {
				t.Errorf("got ok %v, capacity %d, uplift %v, table %v", ok, got.CapacityStarts, got.EnvelopeUpliftM, got.EnvelopeUpliftByYear)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("the answer's scenario is not valid: %v", err)
			}
		})
	}
}
