package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mathext"

	"corecast/model"
)

// sampler evaluates one model.Distribution's quantile function (for Latin
// hypercube and random draws by inversion) and distribution function (for
// deployment-length thresholds). Parameters are normalised once so that each
// evaluation is a few arithmetic operations and allocates nothing. PERT
// quantiles use a tabulated inversion of gonum's regularised incomplete beta
// (see betaInverter), because gonum's exact Beta quantile is too slow for a
// million strata.
type sampler struct {
	kind        model.DistKind
	a, b, c     float64 // fixed: a; uniform: a, c; triangular/PERT: a=min, b=mode, c=max; normal: a=mean, b=sd; lognormal: a=log median, b=sigma
	alpha, beta float64 // PERT shape parameters
	fc          float64 // triangular: F(mode)
	wLo, wHi    float64 // triangular: (max−min)(mode−min), (max−min)(max−mode)
	inv         *betaInverter
	// lo and hi clamp a normal's or lognormal's draws to the input's
	// domain (see clampTo); ±Inf when unclamped.
	lo, hi float64
}

func newSampler(d model.Distribution) (sampler, error) {
	if err := d.Validate(); err != nil {
		return sampler{}, err
	}
	s := sampler{kind: d.Kind, lo: math.Inf(-1), hi: math.Inf(1)}
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

// clampTo clamps the draws of an unbounded distribution (normal, lognormal)
// to the domain, as DESIGN §4 has it: a value beyond a bound becomes the
// bound. A bounded distribution lies inside its domain once validated, so
// it is left alone. Draws inside the domain are unchanged, bit for bit.
func (s *sampler) clampTo(dom model.Domain) {
	if s.kind == model.Normal || s.kind == model.Lognormal {
		s.lo, s.hi = dom.ClampBounds()
	}
}

// clamp keeps x within [s.lo, s.hi].
func (s *sampler) clamp(x float64) float64 {
	if x < s.lo {
		return s.lo
	}
	if x > s.hi {
		return s.hi
	}
	return x
}

// quantile is the inverse CDF at p ∈ (0, 1), of the clamped distribution.
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
		return s.clamp(s.a + s.b*mathext.NormalQuantile(p))
	case model.Lognormal:
		return s.clamp(math.Exp(s.a + s.b*mathext.NormalQuantile(p)))
	}
	return math.NaN()
}

// cdf is the distribution function F(x) = P(X ≤ x) of the clamped
// distribution: 0 below the lower clamp, 1 from the upper one on.
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
		if x < s.lo {
			return 0
		}
		if x >= s.hi {
			return 1
		}
		return 0.5 * math.Erfc(-(x-s.a)/(s.b*math.Sqrt2))
	case model.Lognormal:
		if x <= 0 || x < s.lo {
			return 0
		}
		if x >= s.hi {
			return 1
		}
		return 0.5 * math.Erfc(-(math.Log(x)-s.a)/(s.b*math.Sqrt2))
	}
	return math.NaN()
}

// openUnit returns a uniform variate on the open interval (0, 1), so that
// quantile functions never see 0 or 1.
func openUnit(r *rand.Rand) float64 { return unitFrom(r.Uint64()) }

// unitFrom maps 64 random bits to the open interval (0, 1), using the top 53.
func unitFrom(x uint64) float64 { return (float64(x>>11) + 0.5) / (1 << 53) }
