package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"

	"corecast/model"
)

// synthetic builds an illustrative portfolio of n trusts shaped like the
// sample (types, regions, opex and maturity by type) plus national envelope
// rows for 2019-20 … 2023-24, deterministically from seed.
func synthetic(n int, seed uint64) model.Inputs {
	r := rand.New(rand.NewPCG(seed, 99))
	type shape struct{ opexMedian, opexSigma, matMean, matSD float64 }
	shapes := [model.NumTrustTypes]shape{{450, 0.5, 62, 12}, {200, 0.4, 55, 12}, {150, 0.4, 50, 12}, {250, 0.3, 55, 10}, {300, 0.5, 68, 10}}
	weights := []int{124, 50, 16, 10, 17}
	var in model.Inputs
	for i := 0; i < n; i++ {
		k := r.IntN(217)
		ty := model.TrustType(0)
		for acc := 0; ty < model.NumTrustTypes; ty++ {
			acc += weights[ty]
			if k < acc {
				break
			}
		}
		s := shapes[ty]
		mat := math.Round(min(95, max(10, s.matMean+s.matSD*r.NormFloat64())))
		in.Trusts = append(in.Trusts, model.Trust{
			Code: fmt.Sprintf("S%04d", i), Name: fmt.Sprintf("Synthetic Trust %d", i),
			Type: ty, Region: model.Region(r.IntN(model.NumRegions)),
			OpexM: math.Round(10*s.opexMedian*math.Exp(s.opexSigma*r.NormFloat64())) / 10, Maturity: mat,
		})
		if r.IntN(6) == 0 {
			in.Funding = append(in.Funding, model.Funding{Code: in.Trusts[i].Code, Programme: "Fast Follower",
				Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received})
		}
	}
	scale := float64(n) / 217
	for y, m := range []float64{350, 450, 550, 650, 750} {
		in.Funding = append(in.Funding, model.Funding{Code: model.NationalCode, Programme: "National envelope",
			Year: model.FinancialYear(2019 + y), NationalM: m * scale, Status: model.Committed})
	}
	return in
}
