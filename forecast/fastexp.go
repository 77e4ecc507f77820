package forecast

import "math"

// expTable holds 2^(j/64) for j = 0 … 63.
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

// expHot computes eˣ for the hot loop, where math.Exp cost a quarter of an
// iteration, as expInto does.
func expHot(x float64) float64 {
	v := [1]float64{x}
	expInto(v[:], v[:])
	return v[0]
}

// expInto sets dst[i] to e^src[i] (dst may be src). Accurate to a few ulp for |x| < 700
// (outside, it defers to math.Exp). It works on a whole slice so that the
// costing loop makes no call per trust: a call makes the compiler keep
// every value the loop carries in memory rather than in registers.
//
// eˣ = 2ᵐ · 2^(j/64) · eʳ with k = round(64x/ln 2) = 64m + j and
// r = x − k·ln 2/64 (|r| ≤ ln 2/128, split into high and low parts); eʳ by its
// Taylor series to r⁵, whose truncation error r⁶/720 is below 4e-17 there.
// The short polynomial keeps the dependency chain short, which is what limits
// the speed of this loop.
func expInto(dst, src []float64) {
	const (
		invLn2x64 = 92.332482616893657 // 64 / ln 2
		ln2Hi64   = 6.93147180369123816490e-01 / 64
		ln2Lo64   = 1.90821492927058770002e-10 / 64
	)
	// Adding and subtracting 1.5·2⁵² rounds to the nearest integer without
	// a call to math.Floor (which is not an instruction on baseline amd64).
	const shifter = 1.5 * (1 << 52)
	dst = dst[:len(src)]
	for i, x := range src {
		if !(x > -700 && x < 700) {
			dst[i] = math.Exp(x)
			continue
		}
		kf := (x*invLn2x64 + shifter) - shifter
		k := int64(kf)
		r := x - kf*ln2Hi64 - kf*ln2Lo64
		r2 := r * r
		p := (1 + r) + r2*((1.0/2+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
		dst[i] = p * expTable[k&63] * math.Float64frombits(uint64((k>>6)+1023)<<52)
	}
}
