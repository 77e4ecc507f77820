package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"corecast/model"
)

// sampler evaluates one model.Distribution's quantile function (for Latin
// hypercube and random draws by inversion) and distribution function (for
// deployment-length thresholds), without allocating. Uniform, triangular,
// normal and lognormal distributions are gonum's (stat/distuv). PERT
// quantiles use a tabulated inversion of gonum's regularised incomplete
// beta (see betaInverter), because gonum's exact Beta quantile is too slow
// for a million strata.
type sampler struct {
	kind model.DistKind
	// The distribution, in the field of its kind.
	value     float64 // fixed
	uniform   distuv.Uniform
	triangle  distuv.Triangle
	normal    distuv.Normal
	lognormal distuv.LogNormal
	pert      distuv.Beta // on [min, max], shapes α and β of DESIGN §4
	inv       *betaInverter
	// min, mode and max are a triangular's or PERT's; wLo and wHi are a
	// triangular's (max−min)(mode−min) and (max−min)(max−mode).
	min, mode, max float64
	wLo, wHi       float64
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
		s.value = d.Value
	case model.Uniform:
		s.uniform = distuv.Uniform{Min: d.Min, Max: d.Max}
	case model.Triangular:
		s.triangle = distuv.NewTriangle(d.Min, d.Max, d.Mode, nil)
		s.min, s.mode, s.max = d.Min, d.Mode, d.Max
		s.wLo = (d.Max - d.Min) * (d.Mode - d.Min)
		s.wHi = (d.Max - d.Min) * (d.Max - d.Mode)
	case model.PERT:
		s.min, s.mode, s.max = d.Min, d.Mode, d.Max
		// Beta-PERT with λ = 4 (DESIGN §4).
		s.pert = d.PERTBeta()
		s.inv = newBetaInverter(s.pert.Alpha, s.pert.Beta)
	case model.Normal:
		s.normal = distuv.Normal{Mu: d.Mean, Sigma: d.SD}
	case model.Lognormal:
		s.lognormal = d.LogNormal()
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
		return s.value
	case model.Uniform:
		return s.uniform.Quantile(p)
	case model.Triangular:
		return s.triangle.Quantile(p)
	case model.PERT:
		return s.min + (s.max-s.min)*s.inv.quantile(p)
	case model.Normal:
		return s.clamp(s.normal.Quantile(p))
	case model.Lognormal:
		return s.clamp(s.lognormal.Quantile(p))
	}
	return math.NaN()
}

// cdf is the distribution function F(x) = P(X ≤ x) of the clamped
// distribution: 0 below the lower clamp, 1 from the upper one on.
func (s *sampler) cdf(x float64) float64 {
	switch s.kind {
	case model.Fixed:
		if x >= s.value {
			return 1
		}
		return 0
	case model.Uniform:
		return s.uniform.CDF(x)
	case model.Triangular:
		// Written out rather than gonum's Triangle.CDF, which takes the
		// lower branch at the mode: the two agree but for the last bit,
		// and deployment thresholds are often taken right at the mode (a
		// whole number of years), so the choice would move draws that lie
		// within a rounding of it.
		switch {
		case x <= s.min:
			return 0
		case x < s.mode:
			return (x - s.min) * (x - s.min) / s.wLo
		case x < s.max:
			return 1 - (s.max-x)*(s.max-x)/s.wHi
		}
		return 1
	case model.PERT:
		return s.pert.CDF((x - s.min) / (s.max - s.min))
	case model.Normal:
		if x < s.lo {
			return 0
		}
		if x >= s.hi {
			return 1
		}
		return s.normal.CDF(x)
	case model.Lognormal:
		if x <= 0 || x < s.lo {
			return 0
		}
		if x >= s.hi {
			return 1
		}
		return s.lognormal.CDF(x)
	}
	return math.NaN()
}

// openUnit returns a uniform variate on the open interval (0, 1), so that
// quantile functions never see 0 or 1.
func openUnit(r *rand.Rand) float64 { return unitFrom(r.Uint64()) }

// unitFrom maps 64 random bits to the open interval (0, 1), using the top 53.
func unitFrom(x uint64) float64 { return (float64(x>>11) + 0.5) / (1 << 53) }
