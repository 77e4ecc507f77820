package model

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Bounded reports whether the kind's values lie between a least and a
// greatest value (fixed, uniform, triangular, pert), unlike normal and
// lognormal.
func (k DistKind) Bounded() bool { return k != Normal && k != Lognormal }

// prob returns d as a gonum distribution, or nil for a fixed one. d must be valid.
func (d Distribution) prob() interface {
	CDF(float64) float64
	Survival(float64) float64
	Quantile(float64) float64
} {
	switch d.Kind {
	case Uniform:
		return distuv.Uniform{Min: d.Min, Max: d.Max}
	case Triangular:
		return distuv.NewTriangle(d.Min, d.Max, d.Mode, nil)
	case PERT:
		w := d.Max - d.Min
		return scaled{distuv.Beta{Alpha: 1 + 4*(d.Mode-d.Min)/w, Beta: 1 + 4*(d.Max-d.Mode)/w}, d.Min, w}
	case Normal:
		return distuv.Normal{Mu: d.Mean, Sigma: d.SD}
	case Lognormal:
		m, s := d.LogParams()
		return distuv.LogNormal{Mu: math.Log(m), Sigma: s}
	}
	return nil
}

// cdf is P(X ≤ x) for a valid distribution.
func (d Distribution) cdf(x float64) float64 {
	if d.Kind == Fixed {
		if d.Value <= x {
			return 1
		}
		return 0
	}
	if d.Kind == Lognormal && x <= 0 {
		return 0
	}
	return d.prob().CDF(x)
}

// survival is P(X > x) for a valid distribution.
func (d Distribution) survival(x float64) float64 {
	if d.Kind == Fixed || (d.Kind == Lognormal && x <= 0) {
		return 1 - d.cdf(x)
	}
	return d.prob().Survival(x)
}

// quantile is the inverse of cdf at p ∈ (0, 1) for a valid distribution.
func (d Distribution) quantile(p float64) float64 {
	if d.Kind == Fixed {
		return d.Value
	}
	return d.prob().Quantile(p)
}

// scaled is a Beta distribution stretched from [0, 1] onto [lo, lo + w]:
// the Beta-PERT.
type scaled struct {
	b     distuv.Beta
	lo, w float64
}

func (s scaled) CDF(x float64) float64      { return s.b.CDF((x - s.lo) / s.w) }
func (s scaled) Survival(x float64) float64 { return s.b.Survival((x - s.lo) / s.w) }
func (s scaled) Quantile(p float64) float64 { return s.lo + s.w*s.b.Quantile(p) }
