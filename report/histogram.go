package report

import (
	"math"

	"corecast/forecast"
)

// targetBins is roughly how many bins the histogram of total need has.
const targetBins = 30

// bins is a set of equal-width histogram bins.
type bins struct {
	start, width float64
	n            int
}

// niceBins covers [lo, hi] with about targetBins bins of a round width
// (1, 2, 2.5 or 5 times a power of ten, whichever is nearest).
func niceBins(lo, hi float64) bins {
	if !finite(lo) || !finite(hi) || hi <= lo {
		w := math.Max(1, math.Abs(lo)/10)
		return bins{start: lo - w/2, width: w, n: 1}
	}
	raw := (hi - lo) / targetBins
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	w := mag
	for _, m := range []float64{2, 2.5, 5, 10} {
		if math.Abs(math.Log(m*mag/raw)) < math.Abs(math.Log(w/raw)) {
			w = m * mag
		}
	}
	start := math.Floor(lo/w) * w
	n := int(math.Floor((hi-start)/w)) + 1
	return bins{start: start, width: w, n: n}
}

// index returns the bin of v, clamped to the bins.
func (bs bins) index(v float64) int {
	i := int(math.Floor((v - bs.start) / bs.width))
	return min(max(i, 0), bs.n-1)
}

// histogramSheet holds a histogram of total need for each run, on bins
// shared by all runs, and its column chart.
func histogramSheet(b *book) *sheet {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range b.runs {
		for _, v := range r.Result.TotalNeed {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	bs := niceBins(lo, hi)
	counts := make([][]int, len(b.runs))
	for k, r := range b.runs {
		counts[k] = make([]int, bs.n)
		for _, v := range r.Result.TotalNeed {
			counts[k][bs.index(v)]++
		}
	}
	cols := []column{{name: "bin", kind: kCount}, {name: "from_m", kind: kMoney}, {name: "to_m", kind: kMoney},
		{name: "midpoint_m", kind: kMoney}, {name: "iterations", kind: kCount}, {name: "share", kind: kPercent}}
	t, starts := b.stacked("need_histogram", cols,
		b.each(func(_ *forecast.Result) int { return bs.n }),
		func(k, j int, dst []any) {
			from := bs.start + float64(j)*bs.width
			c := counts[k][j]
			copy(dst, []any{j + 1, from, from + bs.width, from + bs.width/2, c,
				float64(c) / float64(b.runs[k].Result.Iterations)})
		})
	ch := chart{title: "Distribution of total need, £m real", kind: chartColumns, xTitle: "total need, £m (bin midpoint)", yTitle: "share of iterations"}
	for k := range b.runs {
		ch.series = append(ch.series, series{byScenario: true, t: t, cat: "midpoint_m", val: "share", lo: starts[k], hi: starts[k+1]})
	}
	return &sheet{name: SheetHistogram, tables: []*table{t}, charts: []chart{ch}, notes: []string{
		"Histogram of total need (£m real) over the iterations; bins from_m ≤ need < to_m, shared by every scenario.",
	}}
}
