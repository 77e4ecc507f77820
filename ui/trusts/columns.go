package trusts

import (
	"cmp"
	"corecast/internal/safetext"
	"corecast/model"
	"strconv"
	"strings"

	"corecast/forecast"
	"corecast/format"
)

// column is one column of the trusts table: how to write a trust's cell and
// how to order trusts by it.
type column struct {
	title string
	width int
	// minWidth is the screen width from which the column is shown, so that
	// narrow terminals keep the figures and drop the descriptive columns.
	minWidth int
	// flex columns share out the width left over.
	flex bool
	cell func(r *forecast.TrustResult, horizon string) string
	less func(a, b *forecast.TrustResult) int
}

// columns lists the table's columns in display order.
func columns() []column {
	return []column{
		{title: "Code", width: 5, cell: func(r *forecast.TrustResult, _ string) string { return safetext.Line(r.Trust.Code) },
			less: func(a, b *forecast.TrustResult) int { return strings.Compare(a.Trust.Code, b.Trust.Code) }},
		{title: "Name", width: 15, flex: true, cell: func(r *forecast.TrustResult, _ string) string { return r.Trust.Name },
			less: func(a, b *forecast.TrustResult) int { return strings.Compare(a.Trust.Name, b.Trust.Name) }},
		{title: "Type", width: 13, cell: func(r *forecast.TrustResult, _ string) string { return r.Trust.Type.String() },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Trust.Type, b.Trust.Type) }},
		{title: "Region", width: 24, minWidth: 110, cell: func(r *forecast.TrustResult, _ string) string { return r.Trust.Region.String() },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Trust.Region, b.Trust.Region) }},
		{title: "Mat", width: 3, minWidth: 96, cell: func(r *forecast.TrustResult, _ string) string { return whole(r.Trust.Maturity) },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Trust.Maturity, b.Trust.Maturity) }},
		{title: "Gap", width: 3, cell: func(r *forecast.TrustResult, _ string) string { return whole(r.Gap) },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Gap, b.Gap) }},
		{title: "Cost £m", width: 8, cell: func(r *forecast.TrustResult, _ string) string { return right(format.Number(r.Cost.Mean), 8) },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Cost.Mean, b.Cost.Mean) }},
		{title: "P10–P90 £m", width: 11, cell: func(r *forecast.TrustResult, _ string) string {
			return right(format.Number(r.Cost.P10)+"–"+format.Number(r.Cost.P90), 11)
		}, less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Cost.P90-a.Cost.P10, b.Cost.P90-b.Cost.P10) }},
		{title: "P(core)", width: 7, cell: func(r *forecast.TrustResult, _ string) string { return right(format.Percent(r.PCoreByTarget.P), 7) },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.PCoreByTarget.P, b.PCoreByTarget.P) }},
		{title: "Core by", width: 7, cell: func(r *forecast.TrustResult, horizon string) string { return completion(r, horizon) },
			less: func(a, b *forecast.TrustResult) int { return cmp.Compare(a.Completion.P50, b.Completion.P50) }},
	}
}

// completion writes the median completion year, "> 2029-30" when beyond the
// horizon, "already" when the trust is core before the first year.
func completion(r *forecast.TrustResult, horizon string) string {
	switch {
	case r.Gap == 0:
		return "already"
	case r.Completion.P50 >= model.Never:
		return ">" + horizon
	}
	return r.Completion.P50.String()
}

// right pads s on the left to n cells so numbers line up.
func right(s string, n int) string {
	if g := n - len([]rune(s)); g > 0 {
		return strings.Repeat(" ", g) + s
	}
	return s
}

// whole writes a score as a whole number.
func whole(v float64) string { return right(strconv.FormatFloat(v, 'f', 0, 64), 3) }
