package forecast

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// ranks returns the rank of each value of x (1 … N), ties given their average rank.
//
// The values are ordered by a radix sort of their rank keys (rankKeys), which
// order them by all but the lowest rowBits bits; the few runs of keys that
// agree in those bits are then ordered by the exact values. A series with a
// NaN is ranked by ranksBySort, whose placing of NaNs (each its own rank, in
// the order the sort leaves them) is its own.
func ranks(x []float64) []float64 {
	n := len(x)
	if n > rowMask+1 || slices.ContainsFunc(x, func(v float64) bool { return v != v }) {
		return ranksBySort(x)
	}
	keys, tmp := make([]uint64, n), make([]uint64, n)
	for i, v := range x {
		// v+0 is +0 for −0: the two are equal, so tied.
		keys[i] = orderKey(v+0)&^rowMask | uint64(i)
	}
	sorted, _ := radixSortFrom(keys, tmp, rowBits)
	r := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && sorted[hi]>>rowBits == sorted[lo]>>rowBits {
			hi++
		}
		run := sorted[lo:hi]
		if len(run) == 1 {
			r[run[0]&rowMask] = float64(lo + 1) // as assignRanks has it: (2lo+2)/2
		} else {
			// Mostly ties of whole numbers, already in order.
			byValue := func(a, b uint64) int { return cmp.Compare(x[a&rowMask], x[b&rowMask]) }
			if !slices.IsSortedFunc(run, byValue) {
				slices.SortStableFunc(run, byValue)
			}
			assignRanks(r, lo, len(run), func(k int) int { return int(run[k] & rowMask) }, x)
		}
		lo = hi
	}
	return r
}

// ranksBySort is ranks by a comparison sort of the rows.
func ranksBySort(x []float64) []float64 {
	n := len(x)
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(x[a], x[b]) })
	r := make([]float64, n)
	assignRanks(r, 0, n, func(k int) int { return int(idx[k]) }, x)
	return r
}

// assignRanks gives the rows row(0) … row(m−1), whose values are in
// ascending order and hold sorted places first … first+m−1, their ranks:
// each run of equal values the average of its places' ranks.
func assignRanks(r []float64, first, m int, row func(k int) int, x []float64) {
	for lo := 0; lo < m; {
		hi := lo + 1
		for hi < m && x[row(hi)] == x[row(lo)] {
			hi++
		}
		avg := float64(first+lo+first+hi+1) / 2 // ranks first+lo+1 … first+hi, averaged
		for k := lo; k < hi; k++ {
			r[row(k)] = avg
		}
		lo = hi
	}
}

// Spearman returns the Spearman rank correlation of x and y: the Pearson
// correlation (gonum/stat) of their ranks. It is 0 when either is constant.
func Spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	if stat.Variance(rx, nil) == 0 || stat.Variance(ry, nil) == 0 {
		return 0
	}
	return stat.Correlation(rx, ry, nil)
}
