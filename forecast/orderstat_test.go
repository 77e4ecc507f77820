package forecast

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"corecast/model"
)

// seriesStatsBySort is how seriesStats found the order statistics before
// selection: a sorted copy read at the ranks. It is the reference the
// selection must match bit for bit.
func seriesStatsBySort(x []float64) Stats {
	st := seriesStats(x, 0.8, new(selector))
	if len(x) == 0 {
		return st
	}
	s := slices.Clone(x)
	slices.Sort(s)
	st.fillPercentiles(func(p float64) float64 { return percentile(s, p) }, 0.8)
	st.Min, st.Max = s[0], s[len(s)-1]
	return st
}

// sameBits reports whether two Stats hold the same bits in every field.
func sameBits(a, b Stats) bool {
	fa := []float64{a.Mean, a.SD, a.SE, a.P5, a.P10, a.P25, a.P50, a.P75, a.P90, a.P95, a.Budget, a.Min, a.Max}
	fb := []float64{b.Mean, b.SD, b.SE, b.P5, b.P10, b.P25, b.P50, b.P75, b.P90, b.P95, b.Budget, b.Min, b.Max}
	for i := range fa {
		if math.Float64bits(fa[i]) != math.Float64bits(fb[i]) {
			return false
		}
	}
	return true
}

// orderStatSeries are series of the shapes seriesStats meets and of the
// awkward ones it might: heavy ties, mixed signs, zeros, infinities,
// extreme spans, NaN.
func orderStatSeries() map[string][]float64 {
	r := rand.New(rand.NewPCG(7, 8))
	gen := func(n int, f func(i int) float64) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = f(i)
		}
		return x
	}
	out := map[string][]float64{
		"one":          {3.25},
		"two":          {2, -1},
		"three":        {1, 1, 0},
		"constant":     gen(5000, func(int) float64 { return 1.5 }),
		"zeros":        gen(3000, func(int) float64 { return 0 }),
		"negative":     gen(10_000, func(int) float64 { return -math.Exp(r.NormFloat64()) }),
		"normal":       gen(100_000, func(int) float64 { return 1000 + 200*r.NormFloat64() }),
		"mixed signs":  gen(50_000, func(int) float64 { return 0.05 + 0.1*r.NormFloat64() }),
		"lognormal":    gen(70_000, func(int) float64 { return math.Exp(3 * r.NormFloat64()) }),
		"counts":       gen(60_000, func(int) float64 { return float64(150 + r.IntN(60)) }),
		"few values":   gen(40_000, func(int) float64 { return []float64{-2, 0, 7, 1e9}[r.IntN(4)] }),
		"zeros and up": gen(20_000, func(int) float64 { return max(0, r.NormFloat64()) }),
		"infinities": gen(9000, func(i int) float64 {
			return []float64{math.Inf(-1), math.Inf(1), r.NormFloat64()}[i%3]
		}),
		"one infinity": append(gen(999, func(int) float64 { return r.Float64() }), math.Inf(1)),
		"huge span": gen(30_000, func(int) float64 {
			return math.Copysign(math.Pow(10, 600*r.Float64()-300), r.Float64()-0.5)
		}),
		"subnormal": gen(5000, func(int) float64 { return float64(r.IntN(50)) * math.SmallestNonzeroFloat64 }),
		"geometric": gen(1074, func(i int) float64 { return math.Ldexp(1, -i) }),
		"sorted":    gen(8192, func(i int) float64 { return float64(i) }),
		"reversed":  gen(8193, func(i int) float64 { return float64(-i) }),
		"close":     gen(20_000, func(int) float64 { return math.Nextafter(1, 2) + float64(r.IntN(3))*0x1p-52 }),
		// Not plain: left to slices.Sort.
		"signed zeros":  gen(2000, func(int) float64 { return math.Copysign(0, r.Float64()-0.5) }),
		"negative zero": append(gen(999, func(int) float64 { return r.Float64() }), math.Copysign(0, -1)),
		"nan":           append(gen(999, func(int) float64 { return r.Float64() }), math.NaN(), math.NaN()),
	}
	return out
}

// The percentiles, minimum and maximum found by selection are those of the
// sorted series, bit for bit.
func TestSeriesStatsMatchSorting(t *testing.T) {
	var sel selector // shared, as a worker's is, to catch stale scratch
	for name, x := range orderStatSeries() {
		got, want := seriesStats(x, 0.8, &sel), seriesStatsBySort(x)
		if !sameBits(got, want) {
			t.Errorf("%s: got %+v, want %+v", name, got, want)
		}
	}
}

// selectRanks finds every rank asked for, on its own or among neighbours.
func TestSelectRanksEveryRank(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 255, 256, 257, 1000, 20_000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = math.Round(r.NormFloat64()*float64(n)) / 7
		}
		sorted := sortedCopy(x)
		lo, hi, _ := keyRange(x)
		var sel selector
		for k := 0; k < n; k += max(1, n/97) {
			ranks := []int{k}
			if k+1 < n {
				ranks = append(ranks, k+1)
			}
			out := make([]float64, len(ranks))
			sel.selectRanks(x, lo, hi, ranks, out)
			for j, rk := range ranks {
				if out[j] != sorted[rk] {
					t.Fatalf("n %d: rank %d is %g, want %g", n, rk, out[j], sorted[rk])
				}
			}
		}
	}
}

func TestOrderKeyKeepsOrder(t *testing.T) {
	v := []float64{math.Inf(-1), -math.MaxFloat64, -1, -math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0,
		math.SmallestNonzeroFloat64, 1, math.MaxFloat64, math.Inf(1)}
	for i := range v {
		if back := fromOrderKey(orderKey(v[i])); math.Float64bits(back) != math.Float64bits(v[i]) {
			t.Errorf("fromOrderKey(orderKey(%g)) = %g", v[i], back)
		}
		if i > 0 && orderKey(v[i-1]) >= orderKey(v[i]) {
			t.Errorf("orderKey(%g) ≥ orderKey(%g)", v[i-1], v[i])
		}
	}
	if orderKey(math.Copysign(0, -1)) != negZeroKey {
		t.Error("negZeroKey is not the key of −0")
	}
}

// FuzzSeriesStats checks selection against sorting on any series.
func FuzzSeriesStats(f *testing.F) {
	for _, x := range orderStatSeries() {
		f.Add(floatBytes(x[:min(len(x), 64)]))
	}
	var sel selector
	f.Fuzz(func(t *testing.T, b []byte) {
		x := make([]float64, len(b)/8)
		for i := range x {
			x[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
		}
		if got, want := seriesStats(x, 0.8, &sel), seriesStatsBySort(x); !sameBits(got, want) {
			t.Errorf("%v: got %+v, want %+v", x, got, want)
		}
		// The same values drawn many times over, so that the series is
		// long enough to be counted in buckets.
		if len(x) == 0 {
			return
		}
		r := rand.New(rand.NewPCG(uint64(len(b)), 1))
		long := make([]float64, selectSortBelow+1+r.IntN(4000))
		for i := range long {
			long[i] = x[r.IntN(len(x))]
		}
		if got, want := seriesStats(long, 0.8, &sel), seriesStatsBySort(long); !sameBits(got, want) {
			t.Errorf("%v drawn %d times: got %+v, want %+v", x, len(long), got, want)
		}
	})
}

// floatBytes is the fuzz encoding of x.
func floatBytes(x []float64) []byte {
	b := make([]byte, 0, 8*len(x))
	for _, v := range x {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

// BenchmarkSeriesStats times the statistics of one series of a million
// values, by selection and by the sort it replaced.
func BenchmarkSeriesStats(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 1_000_000)
	for i := range x {
		x[i] = 1000 * math.Exp(0.3*r.NormFloat64())
	}
	for _, m := range []string{"select", "sort"} {
		b.Run(fmt.Sprint(m), func(b *testing.B) {
			var sel selector
			for i := 0; i < b.N; i++ {
				if m == "select" {
					seriesStats(x, 0.8, &sel)
				} else {
					seriesStatsBySort(x)
				}
			}
		})
	}
}

// Counting the all-core years finds the years sorting them does.
func TestYearPercentilesMatchSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	cases := map[string]func() model.FinancialYear{
		"years":       func() model.FinancialYear { return model.FinancialYear(2018 + r.IntN(30)) },
		"some never":  func() model.FinancialYear { return []model.FinancialYear{2024, 2031, model.Never}[r.IntN(3)] },
		"all never":   func() model.FinancialYear { return model.Never },
		"one year":    func() model.FinancialYear { return 2030 },
		"wide":        func() model.FinancialYear { return model.FinancialYear(r.IntN(1 << 20)) },
		"wide, never": func() model.FinancialYear { return []model.FinancialYear{-5, 1 << 20, model.Never}[r.IntN(3)] },
	}
	for name, gen := range cases {
		for _, n := range []int{0, 1, 2, 3, 10, 1001} {
			years := make([]model.FinancialYear, n)
			for i := range years {
				years[i] = gen()
			}
			s := slices.Clone(years)
			slices.Sort(s)
			want := YearPercentiles{P10: yearPercentile(s, 0.1), P50: yearPercentile(s, 0.5), P90: yearPercentile(s, 0.9)}
			if got := yearPercentiles(years); got != want {
				t.Errorf("%s, %d years: got %v, want %v", name, n, got, want)
			}
		}
	}
}

// In a whole run, every statistic of a kept series is what sorting the
// series gives, bit for bit: the same seed gives the same figures as when
// the series were sorted.
func TestRunStatsMatchSorting(t *testing.T) {
	for _, m := range []model.Sampling{model.LHS, model.Random} {
		sc := model.DefaultScenario()
		sc.Iterations = 20_000
		sc.Sampling = m
		res := mustRun(t, synthetic(60, 3), sc)
		series := map[string][]float64{"total_cost": res.TotalCost, "total_need": res.TotalNeed,
			"present_value": res.PresentValue, "core_by_target": res.CoreByTarget}
		for key, x := range series {
			if o, _ := res.Output(key); !sameBits(o.Stats, seriesStatsBySort(x)) {
				t.Errorf("%s, %s: %+v, sorting gives %+v", m, key, o.Stats, seriesStatsBySort(x))
			}
		}
		for j, x := range res.Inputs {
			if !sameBits(res.InputStats[j], seriesStatsBySort(x)) {
				t.Errorf("%s, input %d: %+v, sorting gives %+v", m, j, res.InputStats[j], seriesStatsBySort(x))
			}
		}
		s := slices.Clone(res.AllCoreYear)
		slices.Sort(s)
		want := YearPercentiles{P10: yearPercentile(s, 0.1), P50: yearPercentile(s, 0.5), P90: yearPercentile(s, 0.9)}
		if res.AllCore != want {
			t.Errorf("%s: all-core years %v, sorting gives %v", m, res.AllCore, want)
		}
	}
}
