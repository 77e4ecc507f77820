package forecast

import (
	"context"
	"errors"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"corecast/model"
)

func TestImanConoverAchievesRankCorrelation(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 20_000
	sc.Correlations = []model.Correlation{
		{A: "unit_cost.acute", B: "unit_cost.mental_health", Rho: 0.6},
		{A: "optimism_bias", B: "duration_bias", Rho: -0.4},
	}
	p, err := newPlan(synthetic(10, 1), sc)
	if err != nil {
		t.Fatal(err)
	}
	// Re-pairing leaves the marginal values unchanged: the same multiset in
	// every column.
	before, err := drawInputsUncorrelated(p, sc.Iterations)
	if err != nil {
		t.Fatal(err)
	}
	after := before
	for j := range after {
		after[j] = slices.Clone(before[j])
	}
	if ok, err := imposeCorrelation(sc, after[:], sc.Seed, 2); !ok || err != nil {
		t.Fatalf("imposeCorrelation: %v, %v", ok, err)
	}
	for j := range after {
		if a, b := sortedCopy(before[j]), sortedCopy(after[j]); !reflect.DeepEqual(a, b) {
			t.Fatalf("column %d: Iman–Conover changed the marginal values", j)
		}
	}
	// The correlations the engine's own draws achieve.
	cols, err := drawInputs(p, sc.Iterations, 2)
	if err != nil {
		t.Fatal(err)
	}
	idx := func(name string) int { i, _ := model.InputIndex(name); return i }
	tests := []struct {
		a, b string
		want float64
	}{
		// Spearman comes out slightly below the scores' correlation rho.
		{"unit_cost.acute", "unit_cost.mental_health", 0.6},
		{"optimism_bias", "duration_bias", -0.4},
		{"unit_cost.acute", "optimism_bias", 0},
		{"unit_cost.acute", "unit_cost.community", 0},
	}
	for _, tc := range tests {
		got := Spearman(cols[idx(tc.a)], cols[idx(tc.b)])
		// Spearman of normal scores with correlation ρ is (6/π)·asin(ρ/2),
		// e.g. 0.582 for 0.6; allow 0.03 for sampling.
		want := 6 / math.Pi * math.Asin(tc.want/2)
		if math.Abs(got-want) > 0.03 {
			t.Errorf("spearman(%s, %s) = %.3f, want %.3f ± 0.03", tc.a, tc.b, got, want)
		}
	}
}

// imposeCorrelation re-pairs columns already drawn as drawInputs re-pairs
// the columns it draws, and reports whether it did.
func imposeCorrelation(sc model.Scenario, cols [][]float64, seed uint64, workers int) (bool, error) {
	involved, _, err := correlationMatrix(sc)
	if err != nil {
		return false, err
	}
	sc.Seed = seed
	rows, paired, err := pairedRows(sc, involved, len(cols[0]), workers)
	if !paired || err != nil {
		return false, err
	}
	for _, j := range involved {
		pairByRank(cols[j], slices.Clone(cols[j]), rows[j])
	}
	return true, nil
}

// drawInputsUncorrelated draws the columns as drawInputs does, without
// imposing correlations.
func drawInputsUncorrelated(p *plan, n int) ([model.NumInputs][]float64, error) {
	q := *p
	q.sc.Correlations = nil
	return drawInputs(&q, n, 1)
}

func sortedCopy(x []float64) []float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s
}

func TestCorrelationNotPositiveDefiniteIsRejected(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Correlations = []model.Correlation{
		{A: "unit_cost.acute", B: "unit_cost.community", Rho: 0.9},
		{A: "unit_cost.acute", B: "unit_cost.ambulance", Rho: 0.9},
		{A: "unit_cost.community", B: "unit_cost.ambulance", Rho: -0.9},
	}
	_, err := Run(context.Background(), synthetic(5, 1), sc, Options{})
	if err == nil || !strings.Contains(err.Error(), "not positive definite") {
		t.Fatalf("err = %v, want a not-positive-definite error", err)
	}
}

func TestDeterministicAcrossWorkerCounts(t *testing.T) {
	short, long := synthetic(60, 7), synthetic(shortQueue+300, 7)
	for _, pr := range model.Priorities() {
		t.Run(string(pr), func(t *testing.T) {
			checkDeterministic(t, short, pr, 3000) // several blocks
		})
		// A waiting list long enough to be walked in blocks.
		t.Run(string(pr)+" long queue", func(t *testing.T) {
			checkDeterministic(t, long, pr, 200)
		})
	}
}

// checkDeterministic fails unless a run of the inputs under priority pr
// gives the same result at GOMAXPROCS 1, 2 and 8.
func checkDeterministic(t *testing.T, in model.Inputs, pr model.Priority, iterations int) {
	t.Helper()
	sc := model.DefaultScenario()
	sc.Iterations = iterations
	sc.Priority = pr
	var first *Result
	for _, procs := range []int{1, 2, 8} {
		prev := runtime.GOMAXPROCS(procs)
		res, err := Run(context.Background(), in, sc, Options{})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		// The scenario is the input echoed back; its unset distribution
		// parameters are NaN, which DeepEqual never finds equal.
		res.Elapsed, res.Scenario = 0, model.Scenario{}
		if first == nil {
			first = res
			continue
		}
		if !reflect.DeepEqual(first, res) {
			t.Fatalf("GOMAXPROCS=%d gives a different result from GOMAXPROCS=1", procs)
		}
	}
}

func TestCancellationStopsRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sc := model.DefaultScenario()
	sc.Iterations = 200_000
	calls := 0
	_, err := Run(ctx, synthetic(217, 1), sc, Options{Progress: func(done, total int) {
		calls++
		if calls == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls > 2+2*runtime.GOMAXPROCS(0)+2 {
		t.Errorf("%d progress calls after cancelling, want the run to stop within a few blocks", calls)
	}
}

func TestProgressReachesTotal(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 1500
	last := 0
	_, err := Run(context.Background(), synthetic(20, 1), sc, Options{Progress: func(done, total int) {
		if done < last || total != 1500 {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	}})
	if err != nil || last != 1500 {
		t.Fatalf("err %v, last progress %d, want 1500", err, last)
	}
}

func TestIterationAllocatesNothing(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 100
	for _, pr := range model.Priorities() {
		sc.Priority = pr
		p, err := newPlan(synthetic(217, 1), sc)
		if err != nil {
			t.Fatal(err)
		}
		theta, _ := drawInputs(p, sc.Iterations, 1)
		res := new(Result)
		res.makeSeries(100)
		w := newWorker(p, res, &theta)
		w.begin(0, newPartial(p.nTrusts, p.nYears))
		s := 0
		allocs := testing.AllocsPerRun(50, func() {
			w.iterate(s % 100)
			s++
		})
		if allocs != 0 {
			t.Errorf("%s: an iteration allocates %v times, want 0", pr, allocs)
		}
	}
}

// TestMeanTotalCostMatchesAnalytic checks the whole pipeline statistically.
// Unit costs, β and optimism bias are independent of each other across
// groups (correlations only tie unit costs together, which does not change a
// sum's mean), and E[ε] = 1, so
// E[total cost] = Σ_i gap_i · E[uc_type(i)] · E[(opex_i/ref)^β] · (1 + E[ob]),
// with E[r^β] = (r^b − r^a) / ((b − a)·ln r) for β ~ uniform(a, b).
func TestMeanTotalCostMatchesAnalytic(t *testing.T) {
	in := synthetic(217, 3)
	for _, m := range []model.Sampling{model.LHS, model.Random} {
		sc := model.DefaultScenario()
		sc.Sampling = m
		sc.Iterations = 20_000
		res := mustRun(t, in, sc)
		a, b := sc.SizeElasticity.Min, sc.SizeElasticity.Max
		want := 0.0
		for _, tr := range in.Trusts {
			gap := tr.Gap(sc.CoreThreshold)
			r := tr.OpexM / sc.RefOpexM
			size := (math.Pow(r, b) - math.Pow(r, a)) / ((b - a) * math.Log(r))
			if r == 1 {
				size = 1
			}
			want += gap * analyticOf(sc.UnitCost[tr.Type]).mean * size
		}
		want *= 1 + analyticOf(sc.OptimismBias).mean
		got := res.Outputs[0].Stats
		if math.Abs(got.Mean-want) > 4*got.SE {
			t.Errorf("%s: mean total cost %.1f, want %.1f ± %.1f (4 SE)", m, got.Mean, want, 4*got.SE)
		}
	}
}

func TestNeverAndAllCoreYearPercentiles(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 2000
	sc.TargetYear, sc.HorizonYear = 2020, 2021 // too short for most trusts
	res := mustRun(t, synthetic(100, 2), sc)
	if res.AllCore.P50 != model.Never || res.PAllCoreByTarget.P != 0 {
		t.Errorf("all core %v, P %v; want never within a 3-year horizon", res.AllCore, res.PAllCoreByTarget)
	}
}

func TestWorkerFaultBecomesError(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 2000
	p, err := newPlan(synthetic(20, 1), sc)
	if err != nil {
		t.Fatal(err)
	}
	theta, _ := drawInputs(p, sc.Iterations, 1)
	p.discount = p.discount[:1] // corrupt the plan: recording indexes past it
	_, err = simulate(context.Background(), p, &theta, Options{}, true)
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v, want an internal error instead of a crash", err)
	}
}

// TestFiguresAgree checks that figures kept in different streams agree:
// trusts core by target from the per-iteration series, the fan chart, the
// per-trust probabilities and the regions and types.
func TestFiguresAgree(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 3000
	res := mustRun(t, synthetic(150, 5), sc)
	target := sc.TargetYear.Sub(sc.BaseYear)
	series := outputMean(t, res, "core_by_target")
	var trusts, regions, types float64
	for _, tr := range res.ByTrust {
		trusts += tr.PCoreByTarget.P
	}
	for _, g := range res.ByRegion {
		regions += g.CoreByTarget
	}
	for _, g := range res.ByType {
		types += g.CoreByTarget
	}
	var need float64
	for _, g := range res.ByRegion {
		need += g.TotalNeed.Mean
	}
	for name, got := range map[string]float64{"fan chart": res.ByYear[target].CoreMean, "trusts": trusts, "regions": regions, "types": types} {
		if math.Abs(got-series) > 1e-6 {
			t.Errorf("core by target from %s = %.6f, from the series %.6f", name, got, series)
		}
	}
	if want := outputMean(t, res, "total_need"); math.Abs(need-want) > 1e-6*want {
		t.Errorf("regions' need adds to %.3f, total need %.3f", need, want)
	}
	var spend float64
	for _, y := range res.ByYear {
		spend += y.Total.Mean
	}
	if spend > outputMean(t, res, "total_need")+1e-6 {
		t.Errorf("spend within the horizon %.1f exceeds total need %.1f", spend, outputMean(t, res, "total_need"))
	}
}

// TestTinyRunsStillShuffleInputs checks that with too few iterations for
// Iman–Conover the correlated inputs, drawn in stratum order, are still put
// in a random order rather than left sorted (which would make them perfectly
// rank-correlated).
func TestTinyRunsStillShuffleInputs(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 9 // below 2k+2 = 12 for the five correlated unit costs
	p, err := newPlan(synthetic(5, 1), sc)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := drawInputs(p, sc.Iterations, 1)
	if err != nil {
		t.Fatal(err)
	}
	sorted := 0
	for j := 0; j < model.NumTrustTypes; j++ {
		if slices.IsSorted(cols[j]) {
			sorted++
		}
	}
	if sorted == model.NumTrustTypes {
		t.Error("every unit-cost column came out sorted: the tiny run was not shuffled")
	}
}

func TestRankKeysOrderValuesAndKeepRows(t *testing.T) {
	if model.MaxIterations > rowMask+1 {
		t.Fatalf("rank keys hold %d rows, fewer than model.MaxIterations %d", rowMask+1, model.MaxIterations)
	}
	v := []float64{3.5, -1, 0, -2.25, 1e-300, -1e-300, 7e10, -7e10, 0.5}
	keys := slices.Clone(rankKeys(v, make([]uint64, len(v)), 0))
	slices.Sort(keys)
	var got []float64
	for _, k := range keys {
		got = append(got, v[k&rowMask])
	}
	if !slices.IsSorted(got) {
		t.Errorf("rows in key order give %v, not sorted", got)
	}
}

// TestParallelFaultBecomesError checks that a panic in the work parallel
// hands out reaches the caller as an error, as a worker's does.
func TestParallelFaultBecomesError(t *testing.T) {
	err := parallel(4, 2, func(i int) error {
		if i == 2 {
			var s []int
			_ = s[i]
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v, want an internal error instead of a crash", err)
	}
}
