package forecast

import (
	"math"
	"testing"

	"corecast/model"
)

// With fixed distributions and trust_sigma 0 every iteration is the same, so
// each figure can be worked out by hand from DESIGN §5.

func TestKnownAnswerOneTrust(t *testing.T) {
	// gap 20; cost = 2 × 20 × 1^0.5 × 1 × 1.5 = 60; committed 10 → need 50;
	// national 25, local 25; n = 2 → starts 2019-20, core 2020-21, spending
	// 25 £m a year (12.5 national, 12.5 local).
	in := model.Inputs{
		Trusts:  []model.Trust{trust("A", 55)},
		Funding: []model.Funding{{Code: "A", Programme: "GDE", Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received}},
	}
	sc := fixedScenario()
	res := mustRun(t, in, sc)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"total cost", outputMean(t, res, "total_cost"), 60},
		{"total need", outputMean(t, res, "total_need"), 50},
		{"national need", outputMean(t, res, "national_need"), 25},
		{"local need", outputMean(t, res, "local_need"), 25},
		{"total programme", outputMean(t, res, "total_programme"), 60},
		{"present value", outputMean(t, res, "present_value"), 25 + 25/1.035},
		// The funding of 2018-19 is before the plan's window: the window
		// holds only the modelled spend of 2019-20 and 2020-21.
		{"plan window spend", outputMean(t, res, "plan_window_spend"), 50},
		{"national spend in plan", outputMean(t, res, "national_spend_in_plan"), 25},
		{"total need at budget_p", outputStats(t, res, "total_need").Budget, 50},
		{"spend 2019-20", res.ByYear[0].Total.Mean, 25},
		{"spend 2020-21", res.ByYear[1].Total.Mean, 25},
		{"spend 2021-22", res.ByYear[2].Total.Mean, 0},
		{"national 2019-20", res.ByYear[0].NationalMean, 12.5},
		{"nominal 2020-21", res.ByYear[1].NominalMean, 25 * 1.02},
		{"core by 2019-20", res.ByYear[0].CoreMean, 0},
		{"core by 2020-21", res.ByYear[1].CoreMean, 1},
		{"P(all core by target)", res.PAllCoreByTarget.P, 1},
		{"P(within plan)", res.PWithinPlan.P, 1},
		{"trust cost P90", res.ByTrust[0].Cost.P90, 60},
		{"trust cost sd", res.ByTrust[0].Cost.SD, 0},
		{"committed", res.CommittedTotalM, 10},
		{"trust P(core by target)", res.ByTrust[0].PCoreByTarget.P, 1},
		{"London core by target", res.ByRegion[model.London].CoreByTarget, 1},
		{"Midlands core by target", res.ByRegion[model.Midlands].CoreByTarget, 0},
		{"acute core by target", res.ByType[model.Acute].CoreByTarget, 1},
		{"London need", res.ByRegion[model.London].TotalNeed.Mean, 50},
		{"London national need P90", res.ByRegion[model.London].NationalNeed.P90, 25},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if res.AllCore.P50 != 2020 || res.ByTrust[0].Completion.P10 != 2020 {
		t.Errorf("completion %v, all core %v; want 2020-21", res.ByTrust[0].Completion, res.AllCore)
	}
}

// schedulingCase is a portfolio and scenario whose completions are worked
// out by hand.
type schedulingCase struct {
	name     string
	trusts   []model.Trust
	funding  []model.Funding
	edit     func(*model.Scenario)
	want     map[string]model.FinancialYear
	allCore  model.FinancialYear
	pAllCore float64
}

// schedulingCases are the cases of TestKnownAnswerScheduling. Trust A
// (maturity 55): gap 20 → cost 60 → need 60 (nothing committed) →
// national 30 over 2 years = 15 a year; B (50): gap 25 → 18.75 a year.
var schedulingCases = []schedulingCase{
	{
		name:   "two trusts compete for an envelope that fits one a year",
		trusts: []model.Trust{trust("A", 55), trust("B", 50)},
		// 20 £m a year: one trust's share fits, two (33.75) do not.
		funding: envelope(2019, 20, 20, 20, 20, 20),
		// B (lower maturity) goes first in 2019-20 and uses 15 of 2019-20 and
		// 2020-21; A cannot fit until 2021-22.
		want:    map[string]model.FinancialYear{"B": 2020, "A": 2022},
		allCore: 2022, pAllCore: 1,
	},
	{
		name:    "capacity of one start a year binds",
		trusts:  []model.Trust{trust("A", 55), trust("B", 50), trust("C", 45)},
		edit:    func(sc *model.Scenario) { sc.CapacityStarts = 1 },
		want:    map[string]model.FinancialYear{"C": 2020, "B": 2021, "A": 2022},
		allCore: 2022, pAllCore: 1,
	},
	{
		name:   "horizon cuts off a trust that cannot finish in time",
		trusts: []model.Trust{trust("A", 55), trust("B", 50)},
		edit: func(sc *model.Scenario) {
			sc.CapacityStarts = 1
			sc.TargetYear, sc.HorizonYear = 2019, 2020
		},
		// B starts 2019-20 and completes 2020-21 (after the target);
		// A could start only in 2020-21 and would end beyond the horizon.
		want:    map[string]model.FinancialYear{"B": 2020, "A": model.Never},
		allCore: model.Never, pAllCore: 0,
	},
	{
		name:   "already-funded trust starts outside capacity and envelope",
		trusts: []model.Trust{trust("A", 55), trust("B", 50)},
		funding: append(envelope(2019, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
			model.Funding{Code: "A", Year: 2018, NationalM: 40, LocalM: 30, Status: model.Committed}),
		edit: func(sc *model.Scenario) { sc.DeployYears = model.FixedDist(12) },
		// A's 70 committed covers its cost of 60: it starts in 2019-20
		// whatever the envelope, and completes after 12 years, beyond the
		// horizon. B never fits an empty envelope.
		want:    map[string]model.FinancialYear{"A": 2030, "B": model.Never},
		allCore: model.Never, pAllCore: 0,
	},
	{
		name:    "trust already at the threshold is core before base year",
		trusts:  []model.Trust{trust("A", 80)},
		want:    map[string]model.FinancialYear{"A": 2018},
		allCore: 2018, pAllCore: 1,
	},
	{
		name:    "planned funding does not count unless include_planned",
		trusts:  []model.Trust{trust("A", 55)},
		funding: []model.Funding{{Code: "A", Year: 2019, NationalM: 60, Status: model.Planned}},
		edit:    func(sc *model.Scenario) { sc.CapacityStarts = 1 },
		want:    map[string]model.FinancialYear{"A": 2020},
		allCore: 2020, pAllCore: 1,
	},
}

func TestKnownAnswerScheduling(t *testing.T) {
	for _, tc := range schedulingCases {
		t.Run(tc.name, func(t *testing.T) {
			sc := fixedScenario()
			if tc.edit != nil {
				tc.edit(&sc)
			}
			res := mustRun(t, model.Inputs{Trusts: tc.trusts, Funding: tc.funding}, sc)
			got := completions(res)
			for code, want := range tc.want {
				if got[code] != want {
					t.Errorf("trust %s completes %v, want %v", code, got[code], want)
				}
			}
			if res.AllCore.P50 != tc.allCore {
				t.Errorf("all core %v, want %v", res.AllCore.P50, tc.allCore)
			}
			if res.PAllCoreByTarget.P != tc.pAllCore {
				t.Errorf("P(all core by target) %v, want %v", res.PAllCoreByTarget.P, tc.pAllCore)
			}
		})
	}
}

func TestKnownAnswerNeverStartedNeedCountsButSpendsNothing(t *testing.T) {
	sc := fixedScenario()
	res := mustRun(t, model.Inputs{Trusts: []model.Trust{trust("A", 55)}, Funding: envelope(2019, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)}, sc)
	if got := outputMean(t, res, "total_need"); got != 60 {
		t.Errorf("total need %v, want 60", got)
	}
	if got := res.PresentValue[0]; got != 0 {
		t.Errorf("present value %v, want 0", got)
	}
}

func TestKnownAnswerPriorityRules(t *testing.T) {
	// Capacity 1 a year, plenty of envelope: completion order is the priority
	// order. Trusts (maturity, region, committed):
	//   A 40 London       gap 35, cost 105, need 105
	//   B 30 Midlands     gap 45, cost 135, need 100 (35 committed)
	//   C 50 London       gap 25, cost 75,  need 75
	//   D 45 East of Eng. gap 30, cost 90,  need 90
	mk := func(code string, m float64, r model.Region) model.Trust {
		tr := trust(code, m)
		tr.Region = r
		return tr
	}
	trusts := []model.Trust{mk("A", 40, model.London), mk("B", 30, model.Midlands), mk("C", 50, model.London), mk("D", 45, model.EastOfEngland)}
	funding := []model.Funding{{Code: "B", Year: 2018, NationalM: 35, Status: model.Received}}
	tests := []struct {
		priority model.Priority
		order    []string // first to last
	}{
		{model.LowestMaturity, []string{"B", "A", "D", "C"}},
		{model.LargestGap, []string{"B", "A", "D", "C"}},
		{model.LowestCost, []string{"C", "D", "B", "A"}},
		// Regions alphabetically: East of England (D), London (A then C by
		// maturity), Midlands (B); turns: D, A, B, then C.
		{model.RegionBalanced, []string{"D", "A", "B", "C"}},
	}
	for _, tc := range tests {
		t.Run(string(tc.priority), func(t *testing.T) {
			sc := fixedScenario()
			sc.CapacityStarts = 1
			sc.Priority = tc.priority
			got := completions(mustRun(t, model.Inputs{Trusts: trusts, Funding: funding}, sc))
			for k, code := range tc.order {
				if want := model.FinancialYear(2020 + k); got[code] != want {
					t.Errorf("trust %s completes %v, want %v (order %v)", code, got[code], want, tc.order)
				}
			}
		})
	}
}

func TestKnownAnswerLargestGapDiffersFromLowestMaturityOnTies(t *testing.T) {
	// Equal maturity and gap: ties go by code ascending under both rules.
	sc := fixedScenario()
	sc.CapacityStarts = 1
	sc.Priority = model.LargestGap
	got := completions(mustRun(t, model.Inputs{Trusts: []model.Trust{trust("Z", 50), trust("M", 50)}}, sc))
	if got["M"] != 2020 || got["Z"] != 2021 {
		t.Errorf("ties: M %v, Z %v; want M first", got["M"], got["Z"])
	}
}
