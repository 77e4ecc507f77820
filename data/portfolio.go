package data

import (
	"context"
	"corecast/internal/safefile"
	"fmt"
	"io"
	"math"

	"corecast/model"
)

// MaxPortfolioTrusts is the most trusts an illustrative portfolio may have:
// one row fewer than a sheet corecast loads may hold, so that the workbook
// written of it loads back.
const MaxPortfolioTrusts = MaxRows - 1

// IllustrativePortfolio returns an illustrative portfolio of n trusts made
// from the embedded sample, for benchmarks and for comparisons with other
// implementations at sizes the real NHS does not have. It is not data about
// any real portfolio.
//
// The sample's trusts are repeated in order until there are n: the first
// copy keeps the real codes and names, copy k (k ≥ 2) has each code ending
// "-k" and each name ending " (copy k)", and with fewer than the sample's
// trusts the first n are kept. Each copy has its trust's funding rows
// (the same money under the new code). The NATIONAL envelope rows are the
// sample's scaled by n over the sample's trusts (rounded to £0.01m), so the
// envelope per trust is the sample's; a year whose scaled envelope is more
// than one NATIONAL row may hold (£50,000m) is split into equal rows. Observations describe the sample's own
// trusts, so a portfolio of another size has none; with n equal to the
// sample's size the portfolio is the sample itself, observations and all.
func IllustrativePortfolio(n int) (model.Inputs, error) {
	if n < 1 || n > MaxPortfolioTrusts {
		return model.Inputs{}, fmt.Errorf("an illustrative portfolio of %d trusts: want 1 to %d", n, MaxPortfolioTrusts)
	}
	sample, err := Sample()
	if err != nil {
		return model.Inputs{}, err
	}
	size := len(sample.Trusts)
	if n == size {
		return sample, nil
	}
	byCode := make(map[string][]model.Funding, size)
	var national []model.Funding
	for _, f := range sample.Funding {
		if f.IsNational() {
			national = append(national, f)
			continue
		}
		byCode[f.Code] = append(byCode[f.Code], f)
	}
	out := model.Inputs{Trusts: make([]model.Trust, 0, n)}
	for i := 0; i < n; i++ {
		t := sample.Trusts[i%size]
		rows := byCode[t.Code]
		if k := i/size + 1; k > 1 {
			t.Code = fmt.Sprintf("%s-%d", t.Code, k)
			t.Name = fmt.Sprintf("%s (copy %d)", t.Name, k)
		}
		out.Trusts = append(out.Trusts, t)
		for _, f := range rows {
			f.Code = t.Code
			out.Funding = append(out.Funding, f)
		}
	}
	scale := float64(n) / float64(size)
	for _, f := range national {
		out.Funding = append(out.Funding, scaledNational(f, scale)...)
	}
	return out, nil
}

// scaledNational returns a NATIONAL row with its money scaled, rounded to
// £0.01m and split into the fewest equal rows (the last taking the
// rounding) that each stay within what one NATIONAL row may hold when
// loaded; the model adds a year's NATIONAL rows together.
func scaledNational(f model.Funding, scale float64) []model.Funding {
	round2 := func(x float64) float64 { return math.Round(x*100) / 100 }
	nat, loc := round2(f.NationalM*scale), round2(f.LocalM*scale)
	parts := max(1, int(math.Ceil(max(nat, loc)/maxNational)))
	if parts == 1 {
		f.NationalM, f.LocalM = nat, loc
		return []model.Funding{f}
	}
	rows := make([]model.Funding, parts)
	partNat, partLoc := round2(nat/float64(parts)), round2(loc/float64(parts))
	for i := range rows {
		rows[i] = f
		rows[i].Programme = fmt.Sprintf("%s (part %d of %d)", f.Programme, i+1, parts)
		rows[i].NationalM, rows[i].LocalM = partNat, partLoc
	}
	last := &rows[parts-1]
	last.NationalM = round2(nat - partNat*float64(parts-1))
	last.LocalM = round2(loc - partLoc*float64(parts-1))
	return rows
}

// PortfolioAbout returns the text of the About sheet of an illustrative
// portfolio of n trusts, one line a row: the sample's own About text when n
// is the sample's size.
func PortfolioAbout(n int) []string {
	sample := SampleAbout()
	in, err := Sample()
	if err != nil || n == len(in.Trusts) {
		return sample
	}
	size := len(in.Trusts)
	lines := []string{
		fmt.Sprintf("corecast illustrative portfolio of %d trusts", n),
		"",
		fmt.Sprintf("Not a real portfolio: the %d trusts of corecast's sample workbook repeated to %d trusts, for benchmarks and comparisons at sizes the NHS does not have.", size, n),
		fmt.Sprintf("The first copy keeps the real codes and names; copy k has each code ending -k and each name ending (copy k). With fewer than %d trusts, the first are kept.", size),
		fmt.Sprintf("Each copy has its trust's funding rows; the NATIONAL envelope rows are the sample's scaled by %d/%d, so the envelope per trust is the sample's (a year above £50,000m is split into equal rows, which add up).", n, size),
		"There is no Observed sheet: the sample's observations describe its own trusts.",
		"",
		"The sample's own description follows.",
		"",
	}
	return append(lines, sample...)
}

// WritePortfolioWorkbookContext writes the illustrative portfolio of n
// trusts (IllustrativePortfolio), with an About sheet saying how it was
// made, as an xlsx workbook at path. The write is atomic; an existing file
// is replaced only when force is set; when ctx is cancelled nothing is
// written and no temporary file is left.
func WritePortfolioWorkbookContext(ctx context.Context, path string, n int, force bool) error {
	in, err := IllustrativePortfolio(n)
	if err != nil {
		return err
	}
	about := PortfolioAbout(n)
	return safefile.WriteFileAtomicContext(ctx, path, force, func(w io.Writer) error { return WriteInputsXLSX(w, in, about) })
}
