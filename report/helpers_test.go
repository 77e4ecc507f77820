package report

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"corecast/forecast"
	"corecast/model"
)

// evilName is a trust name that a spreadsheet would evaluate as a formula.
const evilName = `=HYPERLINK("http://example.com/x","click")`

// testInputs builds a small portfolio: twenty trusts of every type and
// region, one named like a formula, with programme funding and a national
// envelope.
func testInputs() model.Inputs {
	var in model.Inputs
	for i := 0; i < 20; i++ {
		t := model.Trust{
			Code: fmt.Sprintf("T%02d", i), Name: fmt.Sprintf("Test Trust %d", i),
			Type: model.TrustType(i % model.NumTrustTypes), Region: model.Region(i % model.NumRegions),
			OpexM: 150 + float64(37*i%300), Maturity: float64(30 + 3*i),
		}
		if i == 3 {
			t.Name = evilName
			t.EPR = "@risk system"
		}
		if i%4 == 0 {
			t.MaturityPrev, t.HasMaturityPrev = t.Maturity-5, true
		}
		in.Trusts = append(in.Trusts, t)
		if i%5 == 0 {
			in.Funding = append(in.Funding, model.Funding{Code: t.Code, Programme: "Fast Follower", Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received})
		}
	}
	in.Funding = append(in.Funding, model.Funding{Code: "T01", Programme: "-minus programme", Year: 2019, NationalM: 1, Status: model.Planned})
	for y, m := range []float64{40, 50, 60, 70, 80} {
		in.Funding = append(in.Funding, model.Funding{Code: model.NationalCode, Programme: "National envelope",
			Year: model.FinancialYear(2019 + y), NationalM: m, Status: model.Committed})
	}
	return in
}

// testScenario is the baseline with few iterations.
func testScenario(t *testing.T, name string, iterations int, sets ...string) model.Scenario {
	t.Helper()
	sc := model.DefaultScenario()
	sc.Name = name
	sc.Iterations = iterations
	sc.Seed = 7
	if err := sc.SetAll(sets); err != nil {
		t.Fatal(err)
	}
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	return sc
}

// testRun forecasts a scenario on the test inputs and bundles it for export.
func testRun(t *testing.T, sc model.Scenario) Run {
	t.Helper()
	return testRunOn(t, sc, testInputs())
}

// testRunOn forecasts a scenario on the inputs and bundles it for export.
func testRunOn(t *testing.T, sc model.Scenario, in model.Inputs) Run {
	t.Helper()
	res, err := forecast.Run(context.Background(), in, sc, forecast.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return NewRun(res, in, HashInputs("test inputs", in), "test", time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
}

// twoRuns is a baseline and a variant.
func twoRuns(t *testing.T, iterations int) []Run {
	t.Helper()
	return []Run{
		testRun(t, testScenario(t, "Baseline", iterations)),
		testRun(t, testScenario(t, "More capacity", iterations, "capacity_starts=120", "envelope_uplift_m=50")),
	}
}

// optionalTables are the tables only some exports hold: the comparison of
// several runs and the analyses.
var optionalTables = []string{"tornado", "rank_correlation", "goal_seek", "investment_needed", "frontier", "frontier_line", "price_of_confidence", "phased", "hindcast_verdict", "hindcast", "reliability", "comparison", "inputs_observed"}

// plainTables are the tables of an export of one run without analyses.
func plainTables() []string {
	return slices.DeleteFunc(tableNames(), func(n string) bool { return slices.Contains(optionalTables, n) })
}

// analysed adds a sensitivity analysis and goal seeks on both levers to run.
func analysed(t *testing.T, run Run) Run {
	t.Helper()
	ctx, sc := context.Background(), run.Result.Scenario
	opts := forecast.Options{Workers: 2}
	sens, err := forecast.Sensitivity(ctx, run.Inputs, sc, run.Result, opts)
	if err != nil {
		t.Fatal(err)
	}
	up, err := forecast.GoalSeekUplift(ctx, run.Inputs, sc, 0.8, 1, opts)
	if err != nil {
		t.Fatal(err)
	}
	capacity, err := forecast.GoalSeekCapacity(ctx, run.Inputs, sc, 0.8, opts)
	if err != nil {
		t.Fatal(err)
	}
	run.Sensitivity, run.GoalSeek = sens, []*forecast.GoalSeekResult{up, capacity}
	run.Frontier, err = forecast.Frontier(ctx, run.Inputs, sc, forecast.FrontierOptions{UpliftSteps: 3, CapacitySteps: 2, ToleranceM: 50}, opts)
	if err != nil {
		t.Fatal(err)
	}
	run.Phased, err = forecast.GoalSeekPhased(ctx, run.Inputs, sc, 0.05, 10, forecast.ObjectiveTotal, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Each answer as money by year: the phased one and the uniform one.
	for _, a := range []struct {
		name   string
		answer func(model.Scenario) (model.Scenario, bool)
	}{{AnswerPhased, run.Phased.Answer}, {AnswerName(up), up.Answer}} {
		next, ok := a.answer(sc)
		if !ok {
			continue
		}
		iv, err := forecast.InvestmentNeeded(ctx, run.Inputs, run.Result, next, a.name, opts)
		if err != nil {
			t.Fatal(err)
		}
		run.Investment = append(run.Investment, iv)
	}
	return run
}

// observedInputs are the test inputs with later assessments of every
// other trust in 2021-22 and 2023-24, five points a year better, for the
// hindcast.
func observedInputs() model.Inputs {
	in := testInputs()
	for i := 0; i < len(in.Trusts); i += 2 {
		tr := in.Trusts[i]
		for _, y := range []model.FinancialYear{2021, 2023} {
			in.Observed = append(in.Observed, model.Observation{Code: tr.Code, Year: y, Maturity: min(100, tr.Maturity+5*float64(y.Sub(2019)))})
		}
	}
	return in
}

// analysedRuns is twoRuns, on inputs with observations, with the analyses
// on each.
func analysedRuns(t *testing.T, iterations int) []Run {
	t.Helper()
	in := observedInputs()
	runs := []Run{
		testRunOn(t, testScenario(t, "Baseline", iterations), in),
		testRunOn(t, testScenario(t, "More capacity", iterations, "capacity_starts=120", "envelope_uplift_m=50"), in),
	}
	for i := range runs {
		runs[i] = analysed(t, runs[i])
	}
	return runs
}
