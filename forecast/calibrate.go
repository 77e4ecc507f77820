package forecast

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"corecast/model"
)

// Coefficient is one estimated regression coefficient.
type Coefficient struct {
	Name     string
	Estimate float64
	SE       float64 // standard error
	T        float64 // Estimate / SE
	P        float64 // two-sided p-value against 0 (Student t)
}

// Fit is an ordinary least squares fit with its quality.
type Fit struct {
	Coefficients []Coefficient
	N, DF        int // observations, residual degrees of freedom
	R2, AdjR2    float64
	ResidualSD   float64 // σ̂ of the residuals (log scale)
}

// Coefficient returns the named coefficient.
func (f Fit) Coefficient(name string) (Coefficient, bool) {
	for _, c := range f.Coefficients {
		if c.Name == name {
			return c, true
		}
	}
	return Coefficient{}, false
}

// CalibrationObservation is one trust that qualified for calibration.
type CalibrationObservation struct {
	Code         string
	Type         model.TrustType
	PointsGained float64 // maturity − maturity_prev
	SpentM       float64 // received funding, national + local, £m
	OpexM        float64
}

// Calibration estimates unit costs and the size elasticity from trusts whose
// maturity rose while they received funding (DESIGN §7).
type Calibration struct {
	Observations []CalibrationObservation
	// Free is the fit of log(spent) = a_type + b·log(points gained) +
	// β·log(opex / ref_opex): it tests the model's assumption that cost is
	// proportional to points (b = 1).
	Free Fit
	// Unit is the fit with b fixed at 1, as the model assumes:
	// log(spent / points) = a_type + β·log(opex / ref_opex). exp(a_type) is the
	// unit cost (£m per point at reference size) and β the size elasticity.
	Unit Fit
	// Scenario is the base scenario with the calibrated values: unit_cost of
	// each type seen as lognormal(median exp(a_type), sigma SE(a_type));
	// size_elasticity normal(β̂, SE(β̂)); trust_sigma the residual sd. Types
	// with no qualifying trust keep the base scenario's unit cost.
	Scenario model.Scenario
	Notes    []string
}

// MinCalibrationTrusts is the fewest qualifying trusts a calibration accepts
// beyond its parameters: below it the standard errors mean little.
const MinCalibrationTrusts = 3

// Calibrate fits the cost model to past funding (DESIGN §7). A trust
// qualifies with a maturity_prev below its maturity and received funding.
func Calibrate(in model.Inputs, base model.Scenario) (*Calibration, error) {
	obs := qualifying(in)
	var present [model.NumTrustTypes]int
	for _, o := range obs {
		present[o.Type]++
	}
	var types []model.TrustType
	names := []string{}
	for _, ty := range model.TrustTypes() {
		if present[ty] > 0 {
			types = append(types, ty)
			names = append(names, "a."+ty.Key())
		}
	}
	params := len(types) + 2
	if len(obs) < params+MinCalibrationTrusts {
		return nil, fmt.Errorf("calibration needs at least %d trusts with maturity_prev below maturity and received funding (%d parameters + %d); the workbook has %d",
			params+MinCalibrationTrusts, params, MinCalibrationTrusts, len(obs))
	}
	cal := &Calibration{Observations: obs}
	var err error
	x, y := design(obs, types, base.RefOpexM, true)
	if cal.Free, err = ols(x, y, append(slices.Clone(names), "b", "beta")); err != nil {
		return nil, err
	}
	x, y = design(obs, types, base.RefOpexM, false)
	if cal.Unit, err = ols(x, y, append(slices.Clone(names), "beta")); err != nil {
		return nil, err
	}
	if cal.Scenario, err = cal.scenario(base, types, present); err != nil {
		return nil, err
	}
	return cal, nil
}

// qualifying lists the trusts a calibration can learn from: a maturity_prev
// below the maturity, and received funding.
func qualifying(in model.Inputs) []CalibrationObservation {
	spent := map[string]float64{}
	for _, f := range in.Funding {
		if !f.IsNational() && f.Status == model.Received {
			spent[f.Code] += f.NationalM + f.LocalM
		}
	}
	var obs []CalibrationObservation
	for _, t := range in.Trusts {
		gained := t.Maturity - t.MaturityPrev
		if !t.HasMaturityPrev || gained <= 0 || spent[t.Code] <= 0 || t.OpexM <= 0 {
			continue
		}
		obs = append(obs, CalibrationObservation{Code: t.Code, Type: t.Type, PointsGained: gained, SpentM: spent[t.Code], OpexM: t.OpexM})
	}
	return obs
}

// design builds the regression's X and y: a dummy column per type, then
// (free only) log(points gained), then log(opex / ref_opex); y is
// log(spent), or log(spent / points gained) when the power of points is
// fixed at 1.
func design(obs []CalibrationObservation, types []model.TrustType, refOpex float64, free bool) (*mat.Dense, []float64) {
	cols := len(types) + 1
	if free {
		cols++
	}
	x := mat.NewDense(len(obs), cols, nil)
	y := make([]float64, len(obs))
	for i, o := range obs {
		for k, ty := range types {
			if o.Type == ty {
				x.Set(i, k, 1)
			}
		}
		c := len(types)
		lp := math.Log(o.PointsGained)
		if free {
			x.Set(i, c, lp)
			c++
			y[i] = math.Log(o.SpentM)
		} else {
			y[i] = math.Log(o.SpentM) - lp
		}
		x.Set(i, c, math.Log(o.OpexM/refOpex))
	}
	return x, y
}

// scenario makes the calibrated scenario from the fits (see
// Calibration.Scenario) and notes what it could not calibrate.
func (cal *Calibration) scenario(base model.Scenario, types []model.TrustType, present [model.NumTrustTypes]int) (model.Scenario, error) {
	sc := base.Clone()
	sc.Name = "Calibrated"
	for _, ty := range types {
		c, _ := cal.Unit.Coefficient("a." + ty.Key())
		sc.UnitCost[ty] = model.LognormalDist(math.Exp(c.Estimate), math.Max(c.SE, 1e-6))
	}
	beta, _ := cal.Unit.Coefficient("beta")
	sc.SizeElasticity = model.NormalDist(beta.Estimate, math.Max(beta.SE, 1e-6))
	sc.TrustSigma = cal.Unit.ResidualSD
	for _, ty := range model.TrustTypes() {
		if present[ty] == 0 {
			cal.Notes = append(cal.Notes, fmt.Sprintf("no %s trust qualified: unit_cost.%s keeps the base scenario's %s", ty, ty.Key(), base.UnitCost[ty]))
		}
	}
	if b, ok := cal.Free.Coefficient("b"); ok && math.Abs(b.Estimate-1) > 2*b.SE {
		cal.Notes = append(cal.Notes, fmt.Sprintf("the free fit's b = %.2f (SE %.2f) differs from 1: cost may not be proportional to points gained", b.Estimate, b.SE))
	}
	cal.Notes = append(cal.Notes, "optimism_bias keeps the base scenario's value: received funding is a budget, not an outturn cost")
	// What the fit set is sourced to it, so that an export says so.
	sc.SourceChanges(base, model.Source{Kind: model.FromAnalysis, Detail: "the calibration to past funding"})
	if err := sc.Validate(); err != nil {
		return model.Scenario{}, fmt.Errorf("calibrated scenario: %w", err)
	}
	return sc, nil
}

// ols fits y = X·b by least squares (QR, gonum/mat) and returns the
// estimates with standard errors σ̂²(XᵀX)⁻¹, t and p-values, and R²
// (gonum/stat).
func ols(x *mat.Dense, y []float64, names []string) (Fit, error) {
	n, k := x.Dims()
	df := n - k
	if df <= 0 {
		return Fit{}, errors.New("calibration: more parameters than trusts")
	}
	yv := mat.NewVecDense(n, y)
	var qr mat.QR
	qr.Factorize(x)
	var b mat.VecDense
	if err := qr.SolveVecTo(&b, false, yv); err != nil {
		return Fit{}, fmt.Errorf("calibration: the regression is singular (too little variety among qualifying trusts): %w", err)
	}
	var fitted, resid mat.VecDense
	fitted.MulVec(x, &b)
	resid.SubVec(yv, &fitted)
	sigma2 := mat.Dot(&resid, &resid) / float64(df)
	var xtx, inv mat.Dense
	xtx.Mul(x.T(), x)
	if err := inv.Inverse(&xtx); err != nil {
		return Fit{}, fmt.Errorf("calibration: the regression is singular: %w", err)
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}
	f := Fit{N: n, DF: df, ResidualSD: math.Sqrt(sigma2)}
	if stat.Variance(y, nil) > 0 {
		f.R2 = stat.RSquaredFrom(fitted.RawVector().Data, y, nil)
		f.AdjR2 = 1 - (1-f.R2)*float64(n-1)/float64(df)
	}
	for j := 0; j < k; j++ {
		c := Coefficient{Name: names[j], Estimate: b.AtVec(j), SE: math.Sqrt(sigma2 * inv.At(j, j))}
		if c.SE > 0 {
			c.T = c.Estimate / c.SE
			c.P = 2 * t.Survival(math.Abs(c.T))
		}
		f.Coefficients = append(f.Coefficients, c)
	}
	return f, nil
}
