package model

import (
	"fmt"
	"math"
)

// Moments returns the distribution's mean and standard deviation:
//
//	uniform     (a+b)/2,        (b−a)/√12
//	triangular  (a+c+b)/3,      √((a²+b²+c²−ab−ac−bc)/18)
//	pert        (a+4c+b)/6,     (b−a)·√(αβ/((α+β)²(α+β+1))), α = 1+4(c−a)/(b−a), β = 1+4(b−c)/(b−a)
//	lognormal   m·e^(σ²/2),     m·e^(σ²/2)·√(e^(σ²)−1)
func (d Distribution) Moments() (mean, sd float64) {
	a, c, b := d.Min, d.Mode, d.Max
	switch d.Kind {
	case Fixed:
		return d.Value, 0
	case Uniform:
		return (a + b) / 2, (b - a) / math.Sqrt(12)
	case Triangular:
		return (a + b + c) / 3, math.Sqrt((a*a + b*b + c*c - a*b - a*c - b*c) / 18)
	case PERT:
		if b <= a {
			return c, 0
		}
		al, be := 1+4*(c-a)/(b-a), 1+4*(b-c)/(b-a)
		return (a + 4*c + b) / 6, (b - a) * math.Sqrt(al*be/((al+be)*(al+be)*(al+be+1)))
	case Normal:
		return d.Mean, d.SD
	case Lognormal:
		m, s := d.LogParams()
		mean = m * math.Exp(s*s/2)
		return mean, mean * math.Sqrt(math.Expm1(s*s))
	}
	return math.NaN(), math.NaN()
}

// Half-widths, in standard deviations, of the symmetric bounded
// distributions: a uniform's variance is w²/3, a triangular's w²/6 and a
// PERT's (λ = 4, α = β = 3) w²/7, for half-width w.
var halfWidthInSD = map[DistKind]float64{Uniform: math.Sqrt(3), Triangular: math.Sqrt(6), PERT: math.Sqrt(7)}

// ConvertTo turns the distribution into another kind keeping its centre and
// spread where the new kind can: between the bounded kinds (uniform,
// triangular, pert) the range [min, max] and the mode; to a normal or
// lognormal the mean and standard deviation; from a normal or lognormal to
// a bounded kind, a symmetric distribution with the same mean and standard
// deviation. It says when the new kind cannot keep them: a fixed value has
// no spread to keep, and a lognormal needs a positive mean. The result may
// still leave an input's domain; the caller validates it.
func (d Distribution) ConvertTo(k DistKind) (Distribution, error) {
	if k == d.Kind {
		return d, nil
	}
	mean, sd := d.Moments()
	out := NewDistribution(k)
	bounded := d.Kind == Uniform || d.Kind == Triangular || d.Kind == PERT
	if k != Fixed && (d.Kind == Fixed || !(sd > 0)) {
		return d, fmt.Errorf("a fixed value has no spread to carry over to a %s: type its parameters", k)
	}
	switch k {
	case Fixed:
		out.Value = mean
	case Uniform, Triangular, PERT:
		if bounded {
			out.Min, out.Max = d.Min, d.Max
			out.Mode = d.Mode
			if d.Kind == Uniform {
				out.Mode = (d.Min + d.Max) / 2
			}
		} else {
			w := halfWidthInSD[k] * sd
			out.Min, out.Mode, out.Max = mean-w, mean, mean+w
		}
		if k == Uniform {
			out.Mode = math.NaN()
		}
	case Normal:
		out.Mean, out.SD = mean, sd
	case Lognormal:
		if !(mean > 0) {
			return d, fmt.Errorf("a lognormal needs a positive mean, and %s has mean %s: type its parameters", d, number(mean))
		}
		// A lognormal with mean μ and sd s has σ² = ln(1 + s²/μ²) and
		// median μ/√(1 + s²/μ²).
		v := 1 + sd*sd/(mean*mean)
		out.Median, out.Sigma = mean/math.Sqrt(v), math.Sqrt(math.Log(v))
	default:
		return d, fmt.Errorf("unknown distribution %q", k)
	}
	return out, nil
}
