package model

import (
	"math"
	"strings"
	"testing"
)

func TestParseFinancialYear(t *testing.T) {
	tests := []struct {
		in      string
		want    FinancialYear
		wantErr bool
	}{
		{"2019-20", 2019, false},
		{" 2023-24 ", 2023, false},
		{"2019/20", 2019, false},
		{"1999-00", 1999, false},
		{"2019-21", 0, true},
		{"2019", 0, true},
		{"19-20", 2019, false},
		{"19/20", 2019, false},
		{"FY19/20", 2019, false},
		{"fy 19/20", 2019, false},
		{"FY2019-20", 2019, false},
		{"2019-2020", 2019, false},
		{"2019/2020", 2019, false},
		{"2019 – 20", 2019, false},
		{"2019-2021", 0, true},
		{"FY2019", 0, true},
		{"19/21", 0, true},
		{"2019-20-21", 0, true},
		{"abcd-ef", 0, true},
		{"", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseFinancialYear(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseFinancialYear(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestParseNames(t *testing.T) {
	if ty, err := ParseTrustType("Mental_Health"); err != nil || ty != MentalHealth {
		t.Errorf("ParseTrustType: %v %v", ty, err)
	}
	if _, err := ParseTrustType("hospital"); err == nil || !strings.Contains(err.Error(), "acute") {
		t.Errorf("unknown type error %v should list the types", err)
	}
	if r, err := ParseRegion("north east  and yorkshire"); err != nil || r != NorthEastAndYorkshire {
		t.Errorf("ParseRegion: %v %v", r, err)
	}
	if s, err := ParseFundingStatus("Planned"); err != nil || s != Planned || s.Counts(false) || !s.Counts(true) {
		t.Errorf("ParseFundingStatus: %v %v", s, err)
	}
}

func TestDefaultScenarioIsValid(t *testing.T) {
	sc := DefaultScenario()
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(sc.Correlations) != 10 || len(sc.Years()) != 11 {
		t.Errorf("%d correlations, %d years", len(sc.Correlations), len(sc.Years()))
	}
}

func TestScenarioSetAndGet(t *testing.T) {
	tests := []struct {
		key, value, get, want string
	}{
		{"capacity_starts", "60", "capacity_starts", "60"},
		{"unit_cost.acute.mode", "2.0", "unit_cost.acute.mode", "2"},
		{"target_year", "2024-25", "target_year", "2024-25"},
		{"include_planned", "true", "include_planned", "true"},
		{"deploy_years.dist", "fixed", "deploy_years", "fixed(2)"},
		{"optimism_bias.dist", "uniform", "optimism_bias", "uniform(0.1, 1)"},
		{"inflation.dist", "lognormal", "inflation.dist", "lognormal"},
		{"Priority", "Region-Balanced", "priority", "region-balanced"},
	}
	for _, tc := range tests {
		sc := DefaultScenario()
		if err := sc.Set(tc.key, tc.value); err != nil {
			t.Errorf("Set(%s=%s): %v", tc.key, tc.value, err)
			continue
		}
		if got, err := sc.Get(tc.get); err != nil || got != tc.want {
			t.Errorf("after %s=%s, Get(%s) = %q, %v; want %q", tc.key, tc.value, tc.get, got, err, tc.want)
		}
	}
}

func TestScenarioSetErrorsNameTheKey(t *testing.T) {
	tests := []struct{ key, value, wantIn string }{
		{"capacity_start", "60", `"capacity_start"`},
		{"capacity_starts", "sixty", "capacity_starts"},
		{"capacity_starts", "6.5", "whole number"},
		{"unit_cost.acute.mod", "2", "mod"},
		{"unit_cost.acute", "2", "is a distribution"},
		{"deploy_years.dist", "gamma", "unknown distribution"},
		{"target_year", "2024", "target_year"},
		{"sampling", "sobol", "lhs or random"},
	}
	for _, tc := range tests {
		sc := DefaultScenario()
		err := sc.Set(tc.key, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.wantIn) {
			t.Errorf("Set(%s=%s) = %v, want an error containing %q", tc.key, tc.value, err, tc.wantIn)
		}
	}
}

func TestLognormalFormSwitch(t *testing.T) {
	sc := DefaultScenario()
	if err := sc.SetAll([]string{"inflation.dist=lognormal", "inflation.median=0.02", "inflation.sigma=0.3", "inflation.p90=0.05"}); err != nil {
		t.Fatal(err)
	}
	d := sc.Inflation
	if !math.IsNaN(d.Median) || math.IsNaN(d.P10) || d.P90 != 0.05 {
		t.Errorf("after setting p90: %+v", d)
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
}

func TestScenarioValidateCollectsAllProblems(t *testing.T) {
	sc := DefaultScenario()
	sc.LocalShare = 1.5
	sc.CapacityStarts = 0
	sc.UnitCost[Acute] = PERTDist(2, 1, 3)
	sc.Correlations = append(sc.Correlations, Correlation{A: "unit_cost.acute", B: "nonsense", Rho: 0.2})
	err := sc.Validate()
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{"local_share", "capacity_starts", "unit_cost.acute", "nonsense"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("validation %q does not mention %s", err, want)
		}
	}
}

func TestDistributionWithKindCarriesOver(t *testing.T) {
	d := PERTDist(1, 2, 4)
	for _, k := range DistKinds() {
		if err := d.WithKind(k).Validate(); err != nil {
			t.Errorf("pert → %s: %v", k, err)
		}
	}
}
