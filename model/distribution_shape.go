package model

import "math"

// Skewness returns the distribution's skewness (0 for a fixed value):
//
//	triangular  √2(a+b−2c)(2a−b−c)(a−2b+c) / (5(a²+b²+c²−ab−ac−bc)^1.5)
//	pert        2(β−α)√(α+β+1) / ((α+β+2)√(αβ))
//	lognormal   (e^(σ²)+2)·√(e^(σ²)−1)
//
// and 0 for the symmetric kinds. A kind change keeps it where the new kind
// can, so that the shape leans the same way as well as keeping its centre
// and spread.
func (d Distribution) Skewness() float64 {
	a, c, b := d.Min, d.Mode, d.Max
	switch d.Kind {
	case Triangular:
		q := a*a + b*b + c*c - a*b - a*c - b*c
		if !(q > 0) {
			return 0
		}
		return math.Sqrt2 * (a + b - 2*c) * (2*a - b - c) * (a - 2*b + c) / (5 * math.Pow(q, 1.5))
	case PERT:
		if !(b > a) {
			return 0
		}
		al, be := 1+4*(c-a)/(b-a), 1+4*(b-c)/(b-a)
		return 2 * (be - al) * math.Sqrt(al+be+1) / ((al + be + 2) * math.Sqrt(al*be))
	case Lognormal:
		_, s := d.LogParams()
		v := math.Exp(s * s)
		return (v + 2) * math.Sqrt(v-1)
	}
	return 0
}

// shape is a bounded kind laid on [0, 1] with its mode at r: its mean,
// variance and skewness there. Every triangular or pert with the same r is
// this shape moved and stretched, so r alone sets the skewness and the
// moments set where and how wide it lies.
type shape struct {
	kind DistKind
	r    float64
}

// moments returns the shape's mean, variance and skewness on [0, 1].
func (s shape) moments() (mean, variance, skew float64) {
	r := s.r
	switch s.kind {
	case Triangular:
		q := 1 - r + r*r
		return (1 + r) / 3, q / 18, math.Sqrt2 * (1 - 2*r) * (1 + r) * (2 - r) / (5 * math.Pow(q, 1.5))
	case PERT:
		al, be := 1+4*r, 5-4*r
		return al / 6, al * be / 252, (1 - 2*r) * math.Sqrt(7) / math.Sqrt(al*be)
	}
	return 0.5, 1.0 / 12, 0 // uniform
}

// shapeFor returns the shape of a bounded kind whose skewness is nearest
// skew: the mode that gives it, or the end of the range when the kind
// cannot lean that far (a triangular's skewness lies within ±0.566, a
// pert's within ±1.18). Skewness falls as the mode moves right, so a
// bisection finds it.
func shapeFor(k DistKind, skew float64) shape {
	if k == Uniform || skew == 0 {
		return shape{k, 0.5} // exactly symmetric, not a bisection's near miss
	}
	if _, _, most := (shape{k, 0}).moments(); skew >= most {
		return shape{k, 0}
	}
	if _, _, least := (shape{k, 1}).moments(); skew <= least {
		return shape{k, 1}
	}
	lo, hi := 0.0, 1.0
	for range 100 {
		mid := (lo + hi) / 2
		if _, _, s := (shape{k, mid}).moments(); s > skew {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo < 1e-15 {
			break
		}
	}
	return shape{k, (lo + hi) / 2}
}

// with returns the distribution of shape s with the given mean and sd.
func (s shape) with(mean, sd float64) Distribution {
	m, v, _ := s.moments()
	w := sd / math.Sqrt(v)
	a := mean - w*m
	out := NewDistribution(s.kind)
	out.Min, out.Max = a, a+w
	if s.kind != Uniform {
		out.Mode = a + s.r*w
	}
	return out
}
