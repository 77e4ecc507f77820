package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"

	"corecast/model"
)

// drawInputs draws the scenario-level inputs θ for every iteration (DESIGN §5
// step 1): one column per input, stratified (Latin hypercube) or plain random,
// then re-paired by Iman–Conover to carry the scenario's rank correlations.
func drawInputs(p *plan, n, workers int) ([model.NumInputs][]float64, error) {
	var cols [model.NumInputs][]float64
	involved, _, err := correlationMatrix(p.sc)
	if err != nil {
		return cols, err
	}
	// A Latin hypercube column that Iman–Conover will re-pair is left in
	// stratum order, already sorted: the re-pairing alone decides which
	// iteration gets which value, so shuffling it first, then sorting it back,
	// would be wasted work.
	ordered := [model.NumInputs]bool{}
	for _, j := range involved {
		ordered[j] = p.sc.Sampling == model.LHS
	}
	// Columns have their own streams, so they can be drawn in parallel.
	var streams [model.NumInputs]*rand.Rand
	err = parallel(model.NumInputs, workers, func(j int) error {
		cols[j] = make([]float64, n)
		streams[j] = newStream(p.sc.Seed, streamInputs+uint64(j))
		drawColumn(&p.inputs[j], p.sc.Sampling, streams[j], cols[j], ordered[j])
		return nil
	})
	if err != nil {
		return cols, err
	}
	repaired, err := imposeCorrelation(p.sc, cols[:], p.sc.Seed, workers)
	if err != nil {
		return cols, err
	}
	if !repaired {
		// Too few iterations to re-pair: give the ordered columns their
		// random order after all.
		for j, o := range ordered {
			if o {
				shuffle(streams[j], cols[j])
			}
		}
	}
	return cols, nil
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

// imposeCorrelation re-pairs the columns by Iman and Conover (1982), "A
// distribution-free approach to inducing rank correlation among input
// variables": van der Waerden scores Φ⁻¹(k/(N+1)) are permuted at random per
// column into S; with C = P·Pᵀ the target and E = Q·Qᵀ the scores' own
// correlation (Cholesky factors), T = S·(P·Q⁻¹)ᵀ has correlation C exactly, and
// each column of values is reordered to have the ranks of T's column. Marginal
// values are unchanged. Inputs named in no correlation keep their independent
// order (their rows and columns of C are the identity); with fewer iterations
// than twice the inputs involved, E cannot be factorised reliably and the
// columns are left independent.
func imposeCorrelation(sc model.Scenario, cols [][]float64, seed uint64, workers int) (bool, error) {
	involved, target, err := correlationMatrix(sc)
	if err != nil || len(involved) == 0 {
		return false, err
	}
	n, k := len(cols[0]), len(involved)
	if n < 2*k+2 {
		return false, nil
	}
	s, ss, err := permutedScores(involved, n, seed, workers)
	if err != nil {
		return false, err
	}
	a, ok, err := pairingMatrix(target, s, ss)
	if !ok || err != nil {
		return false, err
	}
	pool := make(chan rankBuffers, max(1, min(workers, k)))
	for w := 0; w < cap(pool); w++ {
		pool <- rankBuffers{make([]float64, rankChunk), make([]uint64, n), make([]uint64, n)}
	}
	err = parallel(k, workers, func(c int) error {
		buf := <-pool
		defer func() { pool <- buf }()
		keys, spare := columnKeys(a, s, c, buf)
		reorder(cols[involved[c]], keys, spare)
		return nil
	})
	return err == nil, err
}

// rankChunk is how many rows of a column of T are worked out at a time.
const rankChunk = 4096

// columnKeys returns column c of T = S·Aᵀ as sorted rank keys (rankKeys),
// in one of buf's key buffers, and the other, free. Row c of A gives the column; it is built rankChunk rows at a
// time and turned into keys as it goes, so that neither T nor a column of
// it is held whole. Each row of T is the same sum, in the same order, as a
// whole column's would be.
func columnKeys(a *mat.Dense, s [][]float64, c int, buf rankBuffers) (keys, free []uint64) {
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
	return radixSortFrom(buf.keys, buf.tmp, rowBits)
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

// reorder rearranges col so that its values have the ranks given by keys,
// sorted rank keys: the value of rank r goes to row keys[r]&rowMask. spare
// (as long as col) is scratch.
func reorder(col []float64, keys, spare []uint64) {
	if !slices.IsSorted(col) { // Latin hypercube columns come sorted
		slices.Sort(col)
	}
	for r, v := range col {
		spare[r] = math.Float64bits(v)
	}
	for r, key := range keys {
		col[key&rowMask] = math.Float64frombits(spare[r])
	}
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
