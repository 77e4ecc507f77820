package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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

// Conversion is a distribution turned into another kind (ConvertTo), with
// the mean and standard deviation it had and has, so that an editor can say
// what a change of kind did to the figures.
type Conversion struct {
	Dist          Distribution
	MeanWas, Mean float64
	SDWas, SD     float64
	// Why says why a moment moved ("to stay within 0–3"), "" when none did.
	Why string
}

// Kept reports whether the conversion kept the mean and the sd (to within
// rounding).
func (c Conversion) Kept() bool { return same(c.Mean, c.MeanWas) && same(c.SD, c.SDWas) }

// same reports whether x and y agree to nine significant figures.
func same(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(math.Abs(x), math.Abs(y)) }

// Change says which moments moved and by how much, e.g. "mean 1.95 → 2.1
// (+7.7%), sd 0.459 → 0.553 (+21%)", and "" when both were kept.
func (c Conversion) Change() string {
	var parts []string
	if !same(c.Mean, c.MeanWas) {
		parts = append(parts, "mean "+moved(c.MeanWas, c.Mean))
	}
	if !same(c.SD, c.SDWas) {
		parts = append(parts, "sd "+moved(c.SDWas, c.SD))
	}
	return strings.Join(parts, ", ")
}

// moved writes a change from was to now with as many significant figures
// as tell them apart (three at least), and the change in per cent.
func moved(was, now float64) string {
	f := func(v float64, n int) string { return strconv.FormatFloat(v, 'g', n, 64) }
	n := 3
	for n < 9 && f(was, n) == f(now, n) {
		n++
	}
	s := f(was, n) + " → " + f(now, n)
	if was == 0 {
		return s
	}
	pct := 100 * (now - was) / math.Abs(was)
	if math.Abs(pct) < 0.05 {
		return s + " (under 0.1%)" // never a signed zero
	}
	prec := 1
	if math.Abs(pct) >= 10 {
		prec = 0
	}
	sign := ""
	if pct >= 0 {
		sign = "+"
	}
	return s + " (" + sign + strconv.FormatFloat(pct, 'f', prec, 64) + "%)"
}

// ConvertTo turns the distribution into another kind keeping its mean and
// standard deviation, and as much of its skewness as the new kind can
// lean (a triangular's lies within ±0.566, a pert's within ±1.18), with
// every value inside the input's domain dom. A bounded kind that cannot
// keep both inside the domain with its own skewness takes the nearest
// skewness that fits. When the new kind cannot hold the sd inside the
// domain at all, the sd is narrowed until it fits, and the Conversion says
// so (Change, Why); a fixed value keeps the mean and has no spread. It is
// an error to give a spread to a fixed value or a lognormal a mean that is
// not positive: the parameters must then be typed.
func (d Distribution) ConvertTo(k DistKind, dom Domain) (Conversion, error) {
	mean, sd := d.Moments()
	c := Conversion{MeanWas: mean, SDWas: sd}
	if k == d.Kind {
		c.Dist, c.Mean, c.SD = d, mean, sd
		return c, nil
	}
	if k != Fixed && (d.Kind == Fixed || !(sd > 0)) {
		return c, fmt.Errorf("a fixed value has no spread to carry over to a %s: type its parameters", k)
	}
	fits := func(x Distribution) bool { return x.Validate() == nil && dom.checkDistribution("", x) == "" }
	var spread func(sd float64) Distribution
	switch k {
	case Fixed:
		spread = func(float64) Distribution { return FixedDist(mean) }
	case Uniform, Triangular, PERT:
		s := shapeFor(k, d.Skewness())
		if !fits(s.with(mean, sd)) {
			if near, ok := nearestFit(s, mean, sd, fits); ok {
				s = near
			}
		}
		spread = func(sd float64) Distribution { return s.with(mean, sd) }
	case Normal:
		spread = func(sd float64) Distribution { return NormalDist(mean, sd) }
	case Lognormal:
		if !(mean > 0) {
			return c, fmt.Errorf("a lognormal needs a positive mean, and %s has mean %s: type its parameters", d, number(mean))
		}
		spread = func(sd float64) Distribution { return lognormalOf(mean, sd) }
	default:
		return c, fmt.Errorf("unknown distribution %q", k)
	}
	out := spread(sd)
	if !fits(out) {
		var ok bool
		if out, ok = narrowest(spread, sd, fits); !ok {
			return c, fmt.Errorf("a %s with mean %s does not fit within %s: type its parameters", k, number(mean), dom)
		}
		c.Why = "to stay within " + dom.String()
	}
	c.Dist = out
	c.Mean, c.SD = out.Moments()
	if k == Fixed {
		c.Why = "a fixed value has no spread"
	}
	return c, nil
}

// lognormalOf is the lognormal with the given mean and sd: σ² = ln(1 +
// sd²/mean²), median = mean/√(1 + sd²/mean²).
func lognormalOf(mean, sd float64) Distribution {
	v := 1 + sd*sd/(mean*mean)
	return LognormalDist(mean/math.Sqrt(v), math.Sqrt(math.Log(v)))
}

// nearestFit finds the shape of s's kind nearest s (by the mode's place)
// whose distribution with this mean and sd fits: a scan of the modes, then
// a bisection towards s from the nearest one that fits.
func nearestFit(s shape, mean, sd float64, fits func(Distribution) bool) (shape, bool) {
	const steps = 200
	ok := func(r float64) bool { return fits(shape{s.kind, r}.with(mean, sd)) }
	best := -1.0
	for i := 0; i <= steps; i++ {
		r := float64(i) / steps
		if ok(r) && (best < 0 || math.Abs(r-s.r) < math.Abs(best-s.r)) {
			best = r
		}
	}
	if best < 0 {
		return s, false
	}
	in, out := best, s.r // in fits, out does not
	for range 60 {
		mid := (in + out) / 2
		if ok(mid) {
			in = mid
		} else {
			out = mid
		}
	}
	return shape{s.kind, in}, true
}

// narrowest returns the distribution spread(t·sd) with the largest t in
// (0, 1) that fits, found by bisection: a narrower distribution about a
// mean inside the domain leaves it less.
func narrowest(spread func(float64) Distribution, sd float64, fits func(Distribution) bool) (Distribution, bool) {
	in, out := 0.0, 1.0 // in·sd fits (in the limit), out·sd does not
	for range 60 {
		mid := (in + out) / 2
		if fits(spread(mid * sd)) {
			in = mid
		} else {
			out = mid
		}
	}
	d := spread(in * sd)
	return d, in > 0 && fits(d)
}
