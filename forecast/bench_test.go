package forecast

import (
	"context"
	"fmt"
	"testing"
	"time"

	"corecast/model"
)

// benchRun runs n iterations on a synthetic portfolio of trusts shaped like the
// sample and reports the time per trust-iteration.
func benchRun(b *testing.B, trusts, n int) {
	in := synthetic(trusts, 1)
	sc := model.DefaultScenario()
	sc.Iterations = n
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), in, sc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(trusts*n), "ns/trust-iter")
}

// BenchmarkRun10k is the live-recompute target of DESIGN §10: 10,000
// iterations of a sample-sized workbook in under 40 ms on 2 cores.
func BenchmarkRun10k(b *testing.B) { benchRun(b, 217, 10_000) }

// BenchmarkRun1M is the batch target: 1,000,000 iterations in under 4 s
// (and under 200 MB: see BenchmarkRunPeak1M).
func BenchmarkRun1M(b *testing.B) { benchRun(b, 217, 1_000_000) }

// BenchmarkWide20kTrusts400 is DESIGN §10's "both cores busy whatever the
// shape": 20,000 trusts × 400 iterations in under 0.4 s on 2 cores. Blocks
// of 32 iterations make 13 of them, so every core has work.
func BenchmarkWide20kTrusts400(b *testing.B) { benchRun(b, 20_000, 400) }

// Scaling in iterations and in trusts.
func BenchmarkScaleIter100k(b *testing.B)   { benchRun(b, 217, 100_000) }
func BenchmarkScaleTrusts2000(b *testing.B) { benchRun(b, 2000, 10_000) }

// BenchmarkIteration times one iteration of the model (costing and
// scheduling the trusts, and recording them) on one goroutine, for a
// portfolio the size of the sample and for larger ones.
func BenchmarkIteration(b *testing.B) {
	for _, trusts := range []int{217, 2_000, 20_000} {
		b.Run(fmt.Sprint(trusts), func(b *testing.B) {
			sc := model.DefaultScenario()
			sc.Iterations = 1024
			p, err := newPlan(synthetic(trusts, 1), sc)
			if err != nil {
				b.Fatal(err)
			}
			theta, _ := drawInputs(p, sc.Iterations, 1)
			n := sc.Iterations
			res := new(Result)
			res.makeSeries(n)
			w := newWorker(p, res, &theta)
			part := newPartial(p.nTrusts, p.nYears)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s := i % n
				if s%blockSize == 0 {
					w.runBlock(s/blockSize, s, s, part, func() bool { return false }) // a new block: its stream
				}
				w.iterate(s)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(trusts), "ns/trust")
		})
	}
}

// BenchmarkTrusts is DESIGN §10's linearity in trusts, on one core: the
// time per trust-iteration at 20,000 trusts must stay within 1.5× of that
// at 220, which holds only while each trust's state stays cache-friendly.
// It reports the marginal time, (time of 2,304 iterations − time of 256) /
// (trusts × 2,048), so that what a run does once (drawing the inputs,
// summarising) does not flatter the small portfolio.
func BenchmarkTrusts(b *testing.B) {
	for _, trusts := range []int{220, 2_000, 20_000} {
		b.Run(fmt.Sprint(trusts), func(b *testing.B) {
			in := synthetic(trusts, 1)
			run := func(n int) time.Duration {
				sc := model.DefaultScenario()
				sc.Iterations = n
				start := time.Now()
				if _, err := Run(context.Background(), in, sc, Options{Workers: 1}); err != nil {
					b.Fatal(err)
				}
				return time.Since(start)
			}
			var marginal time.Duration
			for i := 0; i < b.N; i++ {
				marginal += run(2_304) - run(256)
			}
			b.ReportMetric(float64(marginal.Nanoseconds())/float64(b.N)/float64(trusts*2_048), "ns/trust-iter")
		})
	}
}
