package forecast

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"

	"corecast/model"
)

// drawInputs draws the scenario-level inputs θ for every iteration (DESIGN §5
// step 1): one column per input, stratified (Latin hypercube) or plain random,
// then re-paired by Iman–Conover to carry the scenario's rank correlations.
//
// The re-pairing's ranks are worked out first and the columns drawn after,
// those re-paired straight into the rows the ranks give them (drawPaired):
// the pairing's scratch (tens of MB at a million iterations) is then gone
// before the columns take their place, rather than alongside them. Drawing
// every column in one parallel pass, rather than each re-paired column as
// soon as its ranks are known, keeps both cores busy to the end.
func drawInputs(p *plan, n, workers int) ([model.NumInputs][]float64, error) {
	var cols [model.NumInputs][]float64
	involved, _, err := correlationMatrix(p.sc)
	if err != nil {
		return cols, err
	}
	rows, paired, err := pairedRows(p.sc, involved, n, workers)
	if err != nil {
		return cols, err
	}
	if paired && n >= largeRun {
		// Collected now, the pairing's scratch makes room for the
		// columns instead of waiting for the heap to grow past it.
		runtime.GC()
	}
	// Columns have their own streams, so they can be drawn in parallel.
	err = parallel(model.NumInputs, workers, func(j int) error {
		cols[j] = make([]float64, n)
		r := newStream(p.sc.Seed, streamInputs+uint64(j))
		s, m := &p.inputs[j], p.sc.Sampling
		switch {
		case rows[j] != nil:
			drawPaired(s, m, r, cols[j], rows[j])
		case m == model.LHS && slices.Contains(involved, j):
			// Too few iterations to re-pair: a column that would have
			// been re-paired is drawn in stratum order, as it would be
			// for re-pairing, and then given its random order.
			drawColumn(s, m, r, cols[j], true)
			shuffle(r, cols[j])
		default:
			drawColumn(s, m, r, cols[j], false)
		}
		return nil
	})
	return cols, err
}

// pairedRows returns, for each input Iman–Conover re-pairs, its rows in
// rank order (the value of rank k goes to row rows[j][k]), and whether
// there is a re-pairing at all (newPairing).
func pairedRows(sc model.Scenario, involved []int, n, workers int) (rows [model.NumInputs][]int32, paired bool, err error) {
	pr, err := newPairing(sc, n, sc.Seed, workers)
	if pr == nil || err != nil {
		return rows, false, err
	}
	err = pr.each(workers, func(c int, keys []uint64) {
		r := make([]int32, len(keys))
		for k, key := range keys {
			r[k] = int32(key & rowMask)
		}
		rows[involved[c]] = r
	})
	return rows, err == nil, err
}

// drawPaired draws a column that Iman–Conover re-pairs: the value of rank k
// among the column's draws goes to row rows[k]. A Latin hypercube column is
// drawn in stratum order, which is its sorted order, so each draw goes
// straight to its row: the re-pairing alone decides which iteration gets
// which value, and shuffling the strata first, then sorting them back,
// would be wasted work. Random draws are sorted first.
func drawPaired(s *sampler, m model.Sampling, r *rand.Rand, col []float64, rows []int32) {
	n := len(col)
	if m != model.LHS {
		vals := make([]float64, n)
		drawColumn(s, m, r, vals, false)
		pairByRank(col, vals, rows)
		return
	}
	sorted, prev := true, 0.0
	for k, row := range rows {
		v := s.quantile((float64(k) + openUnit(r)) / float64(n))
		col[row] = v
		if k > 0 && cmp.Less(v, prev) { // as slices.IsSorted compares
			sorted = false
		}
		prev = v
	}
	if !sorted {
		// A quantile function that is not monotone to the last bit: the
		// draws in stratum order, sorted, give the ranks their values.
		vals := make([]float64, n)
		for k, row := range rows {
			vals[k] = col[row]
		}
		pairByRank(col, vals, rows)
	}
}

// pairByRank puts the value of rank k among vals (which it sorts) in row
// rows[k] of col.
func pairByRank(col, vals []float64, rows []int32) {
	if !slices.IsSorted(vals) {
		slices.Sort(vals)
	}
	for k, row := range rows {
		col[row] = vals[k]
	}
}

// drawColumn fills out with draws of s. Under Latin hypercube sampling stratum
// k of N is [k/N, (k+1)/N); each stratum gets one uniform point, the strata are
// visited in a random order (or in order, when ordered), and the point goes
// through the quantile function.
func drawColumn(s *sampler, m model.Sampling, r *rand.Rand, out []float64, ordered bool) {
	n := len(out)
	if m == model.LHS && ordered {
		for k := range out {
			out[k] = s.quantile((float64(k) + openUnit(r)) / float64(n))
		}
		return
	}
	if m == model.LHS {
		// Put the stratum numbers in a random order in place (Fisher–Yates),
		// then replace each by its draw: no permutation array is allocated.
		for i := range out {
			out[i] = float64(i)
		}
		shuffle(r, out)
		for i, k := range out {
			out[i] = s.quantile((k + openUnit(r)) / float64(n))
		}
		return
	}
	for i := range out {
		out[i] = s.quantile(openUnit(r))
	}
}

// shuffle puts x in a random order drawn from r: exactly the order
// r.Shuffle(len(x), swap) gives (Fisher–Yates, with the same draws of
// r.Uint64N), without a call of a swap function for every element.
func shuffle(r *rand.Rand, x []float64) {
	for i := len(x) - 1; i > 0; i-- {
		j := r.Uint64N(uint64(i + 1))
		x[i], x[j] = x[j], x[i]
	}
}

// correlationMatrix builds the target rank correlation over the inputs that
// take part in any correlation (model.CorrelationTarget). It returns the
// inputs' indices and the matrix, or an error naming the problem when the
// matrix is not positive definite (which Scenario.Validate refuses first).
func correlationMatrix(sc model.Scenario) ([]int, *mat.SymDense, error) {
	for _, c := range sc.Correlations {
		for _, name := range []string{c.A, c.B} {
			if _, ok := model.InputIndex(name); !ok {
				return nil, nil, fmt.Errorf("correlation: %q is not a scenario-level input", name)
			}
		}
	}
	involved, c := model.CorrelationTarget(sc.Correlations)
	if len(involved) == 0 {
		return nil, nil, nil
	}
	var chol mat.Cholesky
	if ok := chol.Factorize(c); !ok {
		return nil, nil, fmt.Errorf("the correlations are not consistent (the correlation matrix of %v is not positive definite): lower some rho values", names(involved))
	}
	return involved, c, nil
}

func names(idx []int) []string {
	all := model.InputNames()
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = all[i]
	}
	return out
}

// A pairing is the re-pairing of Iman and Conover (1982), "A
// distribution-free approach to inducing rank correlation among input
// variables": van der Waerden scores Φ⁻¹(k/(N+1)) are permuted at random per
// column into S; with C = P·Pᵀ the target and E = Q·Qᵀ the scores' own
// correlation (Cholesky factors), T = S·(P·Q⁻¹)ᵀ has correlation C exactly,
// and each column of values is given the ranks of T's column. Marginal
// values are unchanged. Inputs named in no correlation keep their
// independent order (their rows and columns of C are the identity).
type pairing struct {
	s [][]float64 // S, a column for each input involved (correlationMatrix order)
	a *mat.Dense  // A = P·Q⁻¹, so that T = S·Aᵀ
	n int         // iterations: rows of S and T
}

// newPairing prepares the pairing of n iterations, or returns nil when there
// is none: no correlations, or too few iterations for E to be factorised
// (fewer than twice the inputs involved, or scores that happen to be
// degenerate).
func newPairing(sc model.Scenario, n int, seed uint64, workers int) (*pairing, error) {
	involved, target, err := correlationMatrix(sc)
	if err != nil || len(involved) == 0 {
		return nil, err
	}
	if n < 2*len(involved)+2 {
		return nil, nil
	}
	s, ss, err := permutedScores(involved, n, seed, workers)
	if err != nil {
		return nil, err
	}
	a, ok, err := pairingMatrix(target, s, ss)
	if !ok || err != nil {
		return nil, err
	}
	return &pairing{s: s, a: a, n: n}, nil
}

// each calls f for every input involved, c its index in correlationMatrix
// order, with the sorted rank keys of T's column c: the value of rank k is
// to go to row keys[k]&rowMask. The calls run in parallel, each goroutine
// with its own buffers, and keys are only good until f returns.
func (pr *pairing) each(workers int, f func(c int, keys []uint64)) error {
	k := len(pr.s)
	pool := make(chan rankBuffers, max(1, min(workers, k)))
	for w := 0; w < cap(pool); w++ {
		pool <- rankBuffers{make([]float64, rankChunk), make([]uint64, pr.n), make([]uint64, pr.n)}
	}
	return parallel(k, workers, func(c int) error {
		buf := <-pool
		defer func() { pool <- buf }()
		f(c, columnKeys(pr.a, pr.s, c, buf))
		return nil
	})
}

// rankChunk is how many rows of a column of T are worked out at a time.
const rankChunk = 4096

// columnKeys returns column c of T = S·Aᵀ as sorted rank keys (rankKeys),
// in one of buf's key buffers. Row c of A gives the column; it is built
// rankChunk rows at a time and turned into keys as it goes, so that neither
// T nor a column of it is held whole. Each row of T is the same sum, in the
// same order, as a whole column's would be.
func columnKeys(a *mat.Dense, s [][]float64, c int, buf rankBuffers) []uint64 {
	n := len(s[0])
	for i := 0; i < n; i += rankChunk {
		j := min(i+rankChunk, n)
		t := buf.t[:j-i]
		clear(t)
		for m := range s {
			if w := a.At(c, m); w != 0 {
				floats.AddScaled(t, w, s[m][i:j])
			}
		}
		rankKeys(t, buf.keys[i:j], i)
	}
	// rankKeys come in ascending order of their rows, the low bits.
	keys, _ := radixSortFrom(buf.keys, buf.tmp, rowBits)
	return keys
}

// scoreChunk is how many van der Waerden scores one task works out.
const scoreChunk = 1 << 16

// permutedScores returns S: for each input involved, the van der Waerden
// scores Φ⁻¹(k/(N+1)), k = 1 … N, in a random order of the input's own;
// and the scores' sum of squares, the same for every column. The scores
// are worked out in parallel stretches and the columns shuffled in
// parallel, each by its own stream; the last column is the scores
// themselves, shuffled once the others are copied.
func permutedScores(involved []int, n int, seed uint64, workers int) ([][]float64, float64, error) {
	scores := make([]float64, n)
	err := parallel((n+scoreChunk-1)/scoreChunk, workers, func(c int) error {
		for i := c * scoreChunk; i < min((c+1)*scoreChunk, n); i++ {
			scores[i] = mathext.NormalQuantile(float64(i+1) / float64(n+1))
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	ss := floats.Dot(scores, scores)
	s := make([][]float64, len(involved))
	shuffleColumn := func(c int) {
		shuffle(newStream(seed, streamScores+uint64(involved[c])), s[c])
	}
	last := len(involved) - 1
	err = parallel(last, workers, func(c int) error {
		s[c] = slices.Clone(scores)
		shuffleColumn(c)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	s[last] = scores
	shuffleColumn(last)
	return s, ss, nil
}

// pairingMatrix returns A = P·Q⁻¹, P and Q the Cholesky factors of the
// target correlation C and of E, the correlation of the permuted scores S
// (whose columns' sum of squares is ss), so that S·Aᵀ has correlation C. It
// reports false when E cannot be factorised (the scores are degenerate at
// tiny N), and an error when C cannot.
func pairingMatrix(target *mat.SymDense, s [][]float64, ss float64) (*mat.Dense, bool, error) {
	k := len(s)
	e := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			e.SetSym(a, b, floats.Dot(s[a], s[b])/ss)
		}
	}
	var cp, cq mat.Cholesky
	if !cp.Factorize(target) {
		return nil, false, fmt.Errorf("the correlations are not consistent (the correlation matrix is not positive definite)")
	}
	if !cq.Factorize(e) {
		return nil, false, nil
	}
	var lp, lq, lqInv mat.TriDense
	cp.LTo(&lp)
	cq.LTo(&lq)
	if err := lqInv.InverseTri(&lq); err != nil {
		return nil, false, nil
	}
	var a mat.Dense
	a.Mul(&lp, &lqInv)
	return &a, true, nil
}

// rankBuffers are one goroutine's scratch for ranking a column of T.
type rankBuffers struct {
	t    []float64 // rankChunk rows of a column of T
	keys []uint64  // the column's ranking keys
	tmp  []uint64  // the other half of the radix sort's passes
}

// rowBits is how many low bits of a ranking key hold the row: enough for
// model.MaxIterations.
const (
	rowBits = 24
	rowMask = 1<<rowBits - 1
)

// rankKeys turns values into keys whose unsigned order is the values' order,
// with the row in the low rowBits bits: sorting the keys then gives the rows
// in rank order, several times faster than sorting (value, row) pairs with a
// comparison function. The float's bits are mapped to an order-preserving
// unsigned integer (orderKey), and its lowest rowBits bits give way to the
// row, so values within about 4e-9 of each other (relative) are ranked by
// row; for ranking normal scores that is immaterial. v[i] is the value of
// row first+i.
func rankKeys(v []float64, keys []uint64, first int) []uint64 {
	for i, x := range v {
		keys[i] = orderKey(x)&^rowMask | uint64(first+i)
	}
	return keys[:len(v)]
}
