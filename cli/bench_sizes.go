package cli

import (
	"fmt"
	"math"
)

// benchSizes are the sizes corecast bench measures at: DESIGN §10's, or,
// with --iterations-scale below 1, each iteration count scaled down so that
// a test can run every figure quickly. Trust counts are never scaled.
type benchSizes struct {
	scale float64
	// marginalFrom and marginalTo are the iterations of the two one-core
	// runs whose difference in time gives the marginal time of a
	// trust-iteration, as forecast's BenchmarkTrusts takes it.
	marginalFrom, marginalTo int
	// oneCoreTrusts are the portfolios of the one-core figure: the
	// sample's size, then larger illustrative portfolios.
	oneCoreTrusts []int
	live          int // iterations of the sample on all cores (the TUI's recompute)
	wideTrusts    int // trusts of the wide run on all cores
	wideIters     int // its iterations
	distIters     int // iterations of the whole-process runs with and without the Distribution
	batchIters    int // iterations of the whole-process batch run, timed and its peak memory taken
}

// DESIGN §10's sizes.
const (
	benchMarginalFrom = 256
	benchMarginalTo   = 2_304
	benchLive         = 10_000
	benchWideTrusts   = 20_000
	benchWideIters    = 400
	benchDistIters    = 200_000
	benchBatchIters   = 1_000_000
)

// newBenchSizes returns the sizes for --iterations-scale scale (in (0, 1]),
// sampleTrusts being the number of trusts in the embedded sample.
func newBenchSizes(scale float64, sampleTrusts int) (benchSizes, error) {
	if !(scale > 0 && scale <= 1) {
		return benchSizes{}, fmt.Errorf("--iterations-scale %g: want more than 0 and at most 1", scale)
	}
	scaled := func(n int) int { return max(1, int(math.Round(float64(n)*scale))) }
	from := scaled(benchMarginalFrom)
	return benchSizes{
		scale:         scale,
		marginalFrom:  from,
		marginalTo:    max(from+1, scaled(benchMarginalTo)),
		oneCoreTrusts: []int{sampleTrusts, 2_000, benchWideTrusts},
		live:          scaled(benchLive),
		wideTrusts:    benchWideTrusts,
		wideIters:     scaled(benchWideIters),
		distIters:     scaled(benchDistIters),
		batchIters:    scaled(benchBatchIters),
	}, nil
}

// full reports whether the sizes are DESIGN §10's, so that the targets
// apply: scaled down, the times are too short to judge.
func (s benchSizes) full() bool { return s.scale == 1 }
