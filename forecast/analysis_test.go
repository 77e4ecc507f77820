package forecast

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"corecast/model"
)

func TestTornadoRanksTheDominantInputFirst(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 400
	// Make acute unit cost dominate: very wide, everything else narrow.
	sc.UnitCost[model.Acute] = model.UniformDist(0.2, 10)
	for _, ty := range model.TrustTypes()[1:] {
		sc.UnitCost[ty] = model.UniformDist(0.9, 1.0)
	}
	sc.OptimismBias = model.UniformDist(0.29, 0.31)
	sc.SizeElasticity = model.UniformDist(0.69, 0.71)
	sens, err := Sensitivity(context.Background(), synthetic(80, 4), sc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sens.Bars[0].Input != "unit_cost.acute" {
		t.Errorf("tornado's first bar is %s, want unit_cost.acute (bars %+v)", sens.Bars[0].Input, sens.Bars)
	}
	if sens.Ranks[0].Input != "unit_cost.acute" || sens.Ranks[0].RhoNeed < 0.8 {
		t.Errorf("rank table starts %+v, want unit_cost.acute with ρ > 0.8", sens.Ranks[0])
	}
	b := sens.Bars[0]
	if !(b.NeedLow < sens.BaseNeed && sens.BaseNeed < b.NeedHigh) {
		t.Errorf("need %0.f at P10 and %.0f at P90 should bracket the base %.0f", b.NeedLow, b.NeedHigh, sens.BaseNeed)
	}
	for _, bar := range sens.Bars {
		if bar.Input == "inflation" && bar.NeedSwing() != 0 {
			t.Errorf("inflation moves real need by %g; it only affects nominal figures", bar.NeedSwing())
		}
	}
}

// goalSeekCase: two trusts, each with national share 15 £m a year for 2
// years; target 2020-21, so both must start in 2019-20, using 30 £m of
// national envelope in 2019-20 and 2020-21. The envelope is 20 a year, so the
// smallest uplift is exactly 10 £m a year.
func goalSeekCase() (model.Inputs, model.Scenario) {
	sc := fixedScenario()
	sc.TargetYear = 2020
	return model.Inputs{Trusts: []model.Trust{trust("A", 55), trust("B", 55)}, Funding: envelope(2019, 20, 20, 20, 20, 20)}, sc
}

func TestGoalSeekUpliftFindsHandComputedAnswer(t *testing.T) {
	in, sc := goalSeekCase()
	g, err := GoalSeekUplift(context.Background(), in, sc, 0.8, 0.01, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !g.Reached || g.Value < 10-1e-6 || g.Value > 10.01 || g.P != 1 {
		t.Errorf("goal seek: %+v; want uplift 10 (to 0.01)", g)
	}
	// The answer is a scenario value: setting it reproduces P ≥ goal.
	sc.EnvelopeUpliftM = g.Value
	if res := mustRun(t, in, sc); res.PAllCoreByTarget.P < 0.8 {
		t.Errorf("with envelope_uplift_m=%g, P = %g", g.Value, res.PAllCoreByTarget.P)
	}
	// With a tolerance of £1m the answer is a whole number of £m.
	if g, err := GoalSeekUplift(context.Background(), in, sc, 0.8, 1, Options{}); err != nil || g.Value != 10 {
		t.Errorf("tolerance 1: %+v, %v; want exactly 10", g, err)
	}
	// A scenario uplift already in place is part of the answer.
	sc.EnvelopeUpliftM = 4
	g, err = GoalSeekUplift(context.Background(), in, sc, 0.8, 0.01, Options{})
	if err != nil || math.Abs(g.Value-10) > 0.011 {
		t.Errorf("with a 4 £m uplift already: %+v, %v; want 10", g, err)
	}
}

func TestGoalSeekCapacity(t *testing.T) {
	in, sc := goalSeekCase()
	in.Trusts = append(in.Trusts, trust("C", 55))
	in.Funding = nil // envelope_after_m 1200: only capacity binds
	sc.CapacityStarts = 1
	g, err := GoalSeekCapacity(context.Background(), in, sc, 0.8, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !g.Reached || g.Value != 3 {
		t.Errorf("capacity goal seek: %+v; want 3 starts a year", g)
	}
}

func TestGoalSeekReportsWhenUnreachable(t *testing.T) {
	in, sc := goalSeekCase()
	sc.TargetYear = 2019 // 2-year deployments cannot finish in the first year
	g, err := GoalSeekUplift(context.Background(), in, sc, 0.8, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Reached || g.P != 0 || g.Binds != BindsDeployment {
		t.Errorf("unreachable goal: %+v", g)
	}
	// With capacity 1, no envelope gets both trusts going in 2019-20.
	sc.TargetYear = 2020
	sc.CapacityStarts = 1
	g, err = GoalSeekUplift(context.Background(), in, sc, 0.8, 1, Options{})
	if err != nil || g.Reached || g.Binds != BindsCapacity {
		t.Errorf("capacity-bound goal: %+v, %v", g, err)
	}
}

func TestCalibrationRecoversKnownCoefficients(t *testing.T) {
	truth := map[model.TrustType]float64{model.Acute: 1.8, model.MentalHealth: 0.9, model.Community: 0.7}
	const beta, noise = 0.6, 0.15
	r := rand.New(rand.NewPCG(11, 12))
	var in model.Inputs
	for i := 0; i < 300; i++ {
		ty := model.TrustTypes()[i%3]
		gained := 5 + 25*r.Float64()
		opex := 500 * math.Exp(0.5*r.NormFloat64())
		spent := truth[ty] * gained * math.Pow(opex/500, beta) * math.Exp(noise*r.NormFloat64())
		code := fmt.Sprintf("C%03d", i)
		in.Trusts = append(in.Trusts, model.Trust{Code: code, Type: ty, Region: model.London, OpexM: opex,
			Maturity: 40 + gained, MaturityPrev: 40, HasMaturityPrev: true})
		in.Funding = append(in.Funding, model.Funding{Code: code, Year: 2018, NationalM: spent / 2, LocalM: spent / 2, Status: model.Received})
	}
	cal, err := Calibrate(in, model.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	for ty, uc := range truth {
		c, _ := cal.Unit.Coefficient("a." + ty.Key())
		if math.Abs(c.Estimate-math.Log(uc)) > 4*c.SE {
			t.Errorf("a.%s = %.3f ± %.3f, want log(%g) = %.3f", ty.Key(), c.Estimate, c.SE, uc, math.Log(uc))
		}
		if got := cal.Scenario.UnitCost[ty]; got.Kind != model.Lognormal || math.Abs(got.Median-uc)/uc > 0.1 {
			t.Errorf("calibrated unit_cost.%s = %s, want median near %g", ty.Key(), got, uc)
		}
	}
	if c, _ := cal.Unit.Coefficient("beta"); math.Abs(c.Estimate-beta) > 4*c.SE {
		t.Errorf("beta = %.3f ± %.3f, want %g", c.Estimate, c.SE, beta)
	}
	if c, _ := cal.Free.Coefficient("b"); math.Abs(c.Estimate-1) > 4*c.SE {
		t.Errorf("b = %.3f ± %.3f, want 1", c.Estimate, c.SE)
	}
	if math.Abs(cal.Unit.ResidualSD-noise) > 0.03 || cal.Unit.R2 <= 0 {
		t.Errorf("residual sd %.3f (want %g), R² %.3f", cal.Unit.ResidualSD, noise, cal.Unit.R2)
	}
	if cal.Scenario.UnitCost[model.Specialist].String() != model.DefaultScenario().UnitCost[model.Specialist].String() {
		t.Error("a type with no observations should keep the base unit cost")
	}
	if _, err := Run(context.Background(), in, withIterations(cal.Scenario, 200), Options{}); err != nil {
		t.Errorf("the calibrated scenario does not run: %v", err)
	}
}

func withIterations(sc model.Scenario, n int) model.Scenario { sc.Iterations = n; return sc }

func TestCalibrationRefusesTooFewTrusts(t *testing.T) {
	in := synthetic(50, 1) // no maturity_prev at all
	_, err := Calibrate(in, model.DefaultScenario())
	if err == nil || !strings.Contains(err.Error(), "needs at least") {
		t.Errorf("err = %v, want a too-few-trusts error", err)
	}
}

func TestCompareWithItselfIsZero(t *testing.T) {
	in := synthetic(40, 1)
	sc := model.DefaultScenario()
	sc.Iterations = 600
	a, b := mustRun(t, in, sc), mustRun(t, in, sc)
	for _, d := range Compare(a, b) {
		if d.Diff != 0 || d.SE != 0 || !d.Paired {
			t.Errorf("%s: diff %g ± %g (paired %v), want exactly 0", d.Key, d.Diff, d.SE, d.Paired)
		}
	}
}

func TestCompareHigherOptimismBiasCostsMore(t *testing.T) {
	in := synthetic(40, 1)
	sc := model.DefaultScenario()
	sc.Iterations = 2000
	a := mustRun(t, in, sc)
	sc.OptimismBias = model.PERTDist(0.5, 0.8, 1.5)
	b := mustRun(t, in, sc)
	for _, d := range Compare(a, b) {
		if d.Key != "total_cost" {
			continue
		}
		unpaired := math.Hypot(a.Outputs[0].Stats.SE, b.Outputs[0].Stats.SE)
		if d.Diff <= 4*d.SE || d.SE >= unpaired {
			t.Errorf("total cost diff %.1f ± %.1f (unpaired ± %.1f): want clearly positive, with a paired SE below the unpaired", d.Diff, d.SE, unpaired)
		}
	}
}

// TestSensitivityCoreSwing checks the tornado's trusts-core swing: a
// longer deployment (duration_bias at its P90) leaves fewer trusts core by
// the target year than a shorter one, and a cost input that cannot change
// the schedule's order much still gives counts within the portfolio.
func TestSensitivityCoreSwing(t *testing.T) {
	in := synthetic(60, 4)
	sc := model.DefaultScenario()
	sc.Iterations = 400
	s, err := Sensitivity(context.Background(), in, sc, nil, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range s.Bars {
		for _, v := range []float64{b.CoreLow, b.CoreHigh} {
			if v < 0 || v > float64(len(in.Trusts)) {
				t.Errorf("%s: trusts core %v outside 0–%d", b.Input, v, len(in.Trusts))
			}
		}
		if b.Input == "duration_bias" && !(b.CoreHigh < b.CoreLow) {
			t.Errorf("duration_bias: %v trusts core at its P10, %v at its P90; want fewer at P90", b.CoreLow, b.CoreHigh)
		}
	}
}
