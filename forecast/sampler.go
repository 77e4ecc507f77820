package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mathext"

	"corecast/model"
)

// sampler draws from one model.Distribution. Parameters are normalised once so
// that draws in the hot loop are a few arithmetic operations and allocate nothing.
//
// Quantile functions (used for Latin hypercube and scenario-level random draws)
// come from gonum's stat/distuv; trust-level draws use the same quantiles except
// for PERT, which is drawn as a Beta variate from two gamma variates
// (Marsaglia–Tsang), because the Beta quantile is too slow for 10⁸ draws.
type sampler struct {
	kind        model.DistKind
	a, b, c     float64 // fixed: a; uniform: a, c; triangular/PERT: a=min, b=mode, c=max; normal: a=mean, b=sd; lognormal: a=log median, b=sigma
	alpha, beta float64 // PERT shape parameters
	fc          float64 // triangular: F(mode)
	wLo, wHi    float64 // triangular: (max−min)(mode−min), (max−min)(max−mode)
	inv         *betaInverter
	// gamma constants for the Marsaglia–Tsang draws of PERT's Beta(α, β).
	gdA, gcA, gdB, gcB float64
}

func newSampler(d model.Distribution) (sampler, error) {
	if err := d.Validate(); err != nil {
		return sampler{}, err
	}
	s := sampler{kind: d.Kind}
	switch d.Kind {
	case model.Fixed:
		s.a = d.Value
	case model.Uniform:
		s.a, s.c = d.Min, d.Max
	case model.Triangular:
		s.a, s.b, s.c = d.Min, d.Mode, d.Max
		s.fc = (d.Mode - d.Min) / (d.Max - d.Min)
		s.wLo = (d.Max - d.Min) * (d.Mode - d.Min)
		s.wHi = (d.Max - d.Min) * (d.Max - d.Mode)
	case model.PERT:
		s.a, s.b, s.c = d.Min, d.Mode, d.Max
		// Beta-PERT with λ = 4 (DESIGN §4).
		s.alpha = 1 + 4*(d.Mode-d.Min)/(d.Max-d.Min)
		s.beta = 1 + 4*(d.Max-d.Mode)/(d.Max-d.Min)
		s.inv = newBetaInverter(s.alpha, s.beta)
		s.gdA, s.gcA = gammaConsts(s.alpha)
		s.gdB, s.gcB = gammaConsts(s.beta)
	case model.Normal:
		s.a, s.b = d.Mean, d.SD
	case model.Lognormal:
		m, sg := d.LogParams()
		s.a, s.b = math.Log(m), sg
	default:
		return sampler{}, fmt.Errorf("unknown distribution %q", d.Kind)
	}
	return s, nil
}

// quantile is the inverse CDF at p ∈ (0, 1).
func (s *sampler) quantile(p float64) float64 {
	switch s.kind {
	case model.Fixed:
		return s.a
	case model.Uniform:
		return s.a + p*(s.c-s.a)
	case model.Triangular:
		w := s.c - s.a
		if p < s.fc {
			return s.a + math.Sqrt(p*w*(s.b-s.a))
		}
		return s.c - math.Sqrt((1-p)*w*(s.c-s.b))
	case model.PERT:
		return s.a + (s.c-s.a)*s.inv.quantile(p)
	case model.Normal:
		return s.a + s.b*mathext.NormalQuantile(p)
	case model.Lognormal:
		return math.Exp(s.a + s.b*mathext.NormalQuantile(p))
	}
	return math.NaN()
}

// cdf is the distribution function F(x) = P(X ≤ x).
func (s *sampler) cdf(x float64) float64 {
	switch s.kind {
	case model.Fixed:
		if x >= s.a {
			return 1
		}
		return 0
	case model.Uniform:
		return min(max((x-s.a)/(s.c-s.a), 0), 1)
	case model.Triangular:
		switch {
		case x <= s.a:
			return 0
		case x < s.b:
			return (x - s.a) * (x - s.a) / s.wLo
		case x < s.c:
			return 1 - (s.c-x)*(s.c-x)/s.wHi
		}
		return 1
	case model.PERT:
		if x <= s.a {
			return 0
		}
		if x >= s.c {
			return 1
		}
		return mathext.RegIncBeta(s.alpha, s.beta, (x-s.a)/(s.c-s.a))
	case model.Normal:
		return 0.5 * math.Erfc(-(x-s.a)/(s.b*math.Sqrt2))
	case model.Lognormal:
		if x <= 0 {
			return 0
		}
		return 0.5 * math.Erfc(-(math.Log(x)-s.a)/(s.b*math.Sqrt2))
	}
	return math.NaN()
}

// draw returns one random variate. It allocates nothing.
func (s *sampler) draw(r *rand.Rand) float64 {
	switch s.kind {
	case model.Fixed:
		return s.a
	case model.Triangular:
		// Both branches of the quantile are computed and one is selected
		// without a jump: which side of the mode a draw falls on is a coin
		// toss the branch predictor cannot learn.
		u := openUnit(r)
		lo := s.a + math.Sqrt(u*s.wLo)
		hi := s.c - math.Sqrt((1-u)*s.wHi)
		if u >= s.fc {
			lo = hi
		}
		return lo
	case model.PERT:
		x := gammaDraw(r, s.gdA, s.gcA)
		y := gammaDraw(r, s.gdB, s.gcB)
		return s.a + (s.c-s.a)*x/(x+y)
	case model.Normal:
		return s.a + s.b*r.NormFloat64()
	case model.Lognormal:
		return math.Exp(s.a + s.b*r.NormFloat64())
	}
	return s.quantile(openUnit(r))
}

// openUnit returns a uniform variate on the open interval (0, 1), so that
// quantile functions never see 0 or 1.
func openUnit(r *rand.Rand) float64 {
	return (float64(r.Uint64()>>11) + 0.5) / (1 << 53)
}

// gammaConsts returns Marsaglia–Tsang's d = α − 1/3 and c = 1/√(9d), for α ≥ 1.
func gammaConsts(alpha float64) (d, c float64) {
	d = alpha - 1.0/3
	return d, 1 / math.Sqrt(9*d)
}

// gammaDraw draws Gamma(α, 1) for α ≥ 1 by Marsaglia and Tsang (2000), "A simple
// method for generating gamma variables", ACM TOMS 26(3): accept d·v with
// v = (1 + c·z)³ when log u < z²/2 + d − d·v + d·log v.
func gammaDraw(r *rand.Rand, d, c float64) float64 {
	for {
		z := r.NormFloat64()
		v := 1 + c*z
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		z2 := z * z
		if u < 1-0.0331*z2*z2 {
			return d * v
		}
		if math.Log(u) < 0.5*z2+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}
