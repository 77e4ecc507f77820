package report

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"strconv"

	"corecast/data"

	"corecast/model"
)

// HashInputs returns a Source for inputs held only in memory, such as the
// embedded sample: the SHA-256 of their canonical CSV form (trusts.csv then
// funding.csv, columns in DESIGN §3 order, numbers in shortest form).
func HashInputs(name string, in model.Inputs) Source {
	h := sha256.New()
	w := csv.NewWriter(h)
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	text := func(rec []any) []string {
		out := make([]string, len(rec))
		for i, v := range rec {
			switch v := v.(type) {
			case float64:
				out[i] = num(v)
			case string:
				out[i] = v
			}
		}
		return out
	}
	_ = w.Write([]string{data.FileTrusts})
	_ = w.Write(data.TrustColumns())
	for _, t := range in.Trusts {
		_ = w.Write(text(data.TrustRecord(t)))
	}
	_ = w.Write([]string{data.FileFunding})
	_ = w.Write(data.FundingColumns())
	for _, f := range in.Funding {
		_ = w.Write(text(data.FundingRecord(f)))
	}
	if len(in.Observed) > 0 {
		_ = w.Write([]string{data.FileObserved})
		_ = w.Write(data.ObservedColumns())
		for _, o := range in.Observed {
			_ = w.Write(text(data.ObservedRecord(o)))
		}
	}
	w.Flush()
	return Source{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)),
		Note: "SHA-256 of the canonical CSV form of the inputs (trusts.csv then funding.csv, in the column order of the README's Input workbook)"}
}
