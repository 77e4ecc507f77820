package export

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"strconv"

	"corecast/model"
)

// HashInputs returns a Source for inputs held only in memory, such as the
// embedded sample: the SHA-256 of their canonical CSV form (trusts.csv then
// funding.csv, columns in DESIGN §3 order, numbers in shortest form).
func HashInputs(name string, in model.Inputs) Source {
	h := sha256.New()
	w := csv.NewWriter(h)
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	_ = w.Write([]string{"trusts.csv"})
	_ = w.Write([]string{"code", "name", "type", "region", "opex_m", "maturity", "maturity_prev", "epr"})
	for _, t := range in.Trusts {
		prev := ""
		if t.HasMaturityPrev {
			prev = num(t.MaturityPrev)
		}
		_ = w.Write([]string{t.Code, t.Name, t.Type.String(), t.Region.String(), num(t.OpexM), num(t.Maturity), prev, t.EPR})
	}
	_ = w.Write([]string{"funding.csv"})
	_ = w.Write([]string{"code", "programme", "year", "national_m", "local_m", "status"})
	for _, f := range in.Funding {
		_ = w.Write([]string{f.Code, f.Programme, f.Year.String(), num(f.NationalM), num(f.LocalM), f.Status.String()})
	}
	w.Flush()
	return Source{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)),
		Note: "SHA-256 of the canonical CSV form of the inputs (trusts.csv then funding.csv, DESIGN §3 column order)"}
}
