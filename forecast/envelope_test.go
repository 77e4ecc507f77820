package forecast

import (
	"slices"
	"testing"

	"corecast/model"
)

// TestUncountedNationalRowNeverChangesTheEnvelope checks DESIGN §5 step 5's
// rule: the envelope's known range ends at the last year with a counted
// NATIONAL row, so a planned row (a spending-review bid) changes no year's
// envelope, wherever it falls, unless include_planned counts it.
func TestUncountedNationalRowNeverChangesTheEnvelope(t *testing.T) {
	base := synthetic(30, 2) // counted NATIONAL rows 2019-20 … 2023-24
	sc := model.DefaultScenario()
	before, err := newPlan(base, sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []model.FinancialYear{2015, 2019, 2023, 2024, 2027, 2029, 2035} {
		for _, m := range []float64{0, 300, 5000} {
			in := base
			in.Funding = append(slices.Clone(base.Funding), model.Funding{Code: model.NationalCode, Year: year, NationalM: m, Status: model.Planned})
			after, err := newPlan(in, sc)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(after.envelope, before.envelope) {
				t.Errorf("planned NATIONAL row %s £%gm: envelope %v, want %v", year, m, after.envelope, before.envelope)
			}
			if len(after.uncounted) != 1 {
				t.Errorf("planned NATIONAL row %s: %d uncounted rows named, want 1", year, len(after.uncounted))
			}
		}
	}
}

// TestEnvelopeRule works the envelope out by hand for counted rows: their
// sums up to the last counted year (0 in a gap), envelope_after_m after it,
// the uplift on every year; include_planned makes a planned row count.
func TestEnvelopeRule(t *testing.T) {
	row := func(y model.FinancialYear, m float64, st model.FundingStatus) model.Funding {
		return model.Funding{Code: model.NationalCode, Year: y, NationalM: m, Status: st}
	}
	cases := []struct {
		name    string
		rows    []model.Funding
		planned bool
		uplift  float64
		want    []float64 // 2019-20 … 2024-25
	}{
		{"none", nil, false, 0, []float64{1200, 1200, 1200, 1200, 1200, 1200}},
		{"two counted, a gap", []model.Funding{row(2019, 350, model.Committed), row(2021, 550, model.Received)}, false, 0,
			[]float64{350, 0, 550, 1200, 1200, 1200}},
		{"planned after counted", []model.Funding{row(2019, 350, model.Committed), row(2022, 900, model.Planned)}, false, 0,
			[]float64{350, 1200, 1200, 1200, 1200, 1200}},
		{"planned counted", []model.Funding{row(2019, 350, model.Committed), row(2022, 900, model.Planned)}, true, 0,
			[]float64{350, 0, 0, 900, 1200, 1200}},
		{"uplift on every year", []model.Funding{row(2019, 350, model.Committed)}, false, 100,
			[]float64{450, 1300, 1300, 1300, 1300, 1300}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := model.Inputs{Trusts: []model.Trust{trust("A", 50)}, Funding: c.rows}
			sc := model.DefaultScenario()
			sc.HorizonYear = 2024
			sc.IncludePlanned, sc.EnvelopeUpliftM = c.planned, c.uplift
			p, err := newPlan(in, sc)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.envelope, c.want) {
				t.Errorf("envelope %v, want %v", p.envelope, c.want)
			}
		})
	}
}

// TestPlanWindowSpendByHand checks plan_window_spend and
// national_spend_in_plan (DESIGN §6) on a deterministic case: counted trust
// funding dated in the window counts, funding before it and planned
// funding do not, and only the modelled spend of the window's years is
// added.
func TestPlanWindowSpendByHand(t *testing.T) {
	// Trust A: gap 20, cost 60 (see TestKnownAnswerOneTrust); funding 10
	// in 2018-19 (before the window), 6 + 4 in 2020-21 (in it) and 30
	// planned in 2021-22 (not counted): need 40, spent 20 a year in
	// 2019-20 and 2020-21.
	in := model.Inputs{
		Trusts: []model.Trust{trust("A", 55)},
		Funding: []model.Funding{
			{Code: "A", Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received},
			{Code: "A", Year: 2020, NationalM: 6, LocalM: 4, Status: model.Committed},
			{Code: "A", Year: 2021, NationalM: 30, Status: model.Planned},
		},
	}
	cases := []struct {
		name           string
		from, to       model.FinancialYear
		plan           float64
		window, nation float64
		pWithin        float64
	}{
		{"default window", 2019, 2023, 8100, 10 + 40, 6 + 20, 1},
		{"2020-21 alone", 2020, 2020, 8100, 10 + 20, 6 + 10, 1},
		{"after the spend", 2022, 2025, 8100, 0, 0, 1},
		{"plan below the spend", 2019, 2023, 49.9, 50, 26, 0},
		{"plan equal to the spend", 2019, 2023, 50, 50, 26, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := fixedScenario()
			sc.PlanFrom, sc.PlanTo, sc.PlanTotalM = c.from, c.to, c.plan
			res := mustRun(t, in, sc)
			if got := outputMean(t, res, "total_need"); got != 40 {
				t.Fatalf("total need %v, want 40", got)
			}
			if got := outputStats(t, res, "plan_window_spend"); got.Mean != c.window || got.Budget != c.window || got.P50 != c.window {
				t.Errorf("plan_window_spend mean %v, P50 %v, budget %v; want %v", got.Mean, got.P50, got.Budget, c.window)
			}
			if got := outputMean(t, res, "national_spend_in_plan"); got != c.nation {
				t.Errorf("national_spend_in_plan %v, want %v", got, c.nation)
			}
			if res.PWithinPlan.P != c.pWithin {
				t.Errorf("P(within plan) %v, want %v", res.PWithinPlan.P, c.pWithin)
			}
		})
	}
}

// TestBudgetIsThePercentileAtBudgetP checks that every headline output's
// budget figure is its percentile at budget_p: at 0.5 the P50, at 0.9 the
// P90, bit for bit, and between them at the default 0.8.
func TestBudgetIsThePercentileAtBudgetP(t *testing.T) {
	in := synthetic(40, 3)
	for _, p := range []float64{0.5, 0.8, 0.9} {
		sc := model.DefaultScenario()
		sc.Iterations, sc.BudgetP = 1500, p
		res := mustRun(t, in, sc)
		for _, o := range res.Outputs {
			st := o.Stats
			switch {
			case p == 0.5 && st.Budget != st.P50, p == 0.9 && st.Budget != st.P90:
				t.Errorf("budget_p %v: %s budget %v, P50 %v, P90 %v", p, o.Key, st.Budget, st.P50, st.P90)
			case !(st.P75 <= st.Budget && st.Budget <= st.P90) && p == 0.8:
				t.Errorf("budget_p 0.8: %s budget %v outside P75 %v … P90 %v", o.Key, st.Budget, st.P75, st.P90)
			}
		}
		for _, y := range res.ByYear {
			if p == 0.9 && y.Total.Budget != y.Total.P90 {
				t.Errorf("budget_p 0.9: %s spend budget %v, P90 %v", y.Year, y.Total.Budget, y.Total.P90)
			}
		}
	}
}
