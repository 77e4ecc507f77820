package forecast

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// ranks returns the rank of each value of x (1 … N), ties given their average rank.
func ranks(x []float64) []float64 {
	n := len(x)
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(x[a], x[b]) })
	r := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && x[idx[hi]] == x[idx[lo]] {
			hi++
		}
		avg := float64(lo+hi+1) / 2 // ranks lo+1 … hi, averaged
		for k := lo; k < hi; k++ {
			r[idx[k]] = avg
		}
		lo = hi
	}
	return r
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
