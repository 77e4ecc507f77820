// Package format writes numbers for people: money with its unit,
// percentages, counts and financial years, always in the same style, so that
// figures read alike on the screens, in the command line's summary lines and
// in the exported workbook. It is the one place numbers are formatted.
package format

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"corecast/model"
)

// Money writes an amount given in £m: in £bn with two decimals from £1bn up
// (the scale the plan is discussed in), otherwise in £m.
func Money(m float64) string {
	if math.IsNaN(m) {
		return "–"
	}
	if math.Abs(m) >= 999.5 { // what would round to £1,000m reads as £1.00bn
		return sign(m) + "£" + strconv.FormatFloat(math.Abs(m)/1000, 'f', 2, 64) + "bn"
	}
	return MoneyM(m)
}

// MoneyM writes an amount in £m with thousands separators: one decimal below
// £100m, where a trust's figures sit, and none above.
func MoneyM(m float64) string {
	if math.IsNaN(m) {
		return "–"
	}
	a := math.Abs(m)
	if a < 100 {
		m = shown(m, 1)
		return sign(m) + "£" + strconv.FormatFloat(a, 'f', 1, 64) + "m"
	}
	return sign(m) + "£" + Thousands(a) + "m"
}

// Number writes a plain amount in £m without the unit, as table cells do
// under a "£m" column heading.
func Number(m float64) string {
	if math.IsNaN(m) {
		return "–"
	}
	if math.Abs(m) < 100 {
		return strconv.FormatFloat(shown(m, 1), 'f', 1, 64)
	}
	return sign(m) + Thousands(math.Abs(m))
}

// Thousands writes a number rounded to a whole number with comma thousands
// separators, "–" when it is not finite.
func Thousands(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(math.Round(v)), 'f', 0, 64)
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Int writes a whole number with thousands separators.
func Int(n int) string { return Thousands(float64(n)) }

// DeltaMoney writes a change in £m with an explicit sign, and none for a
// change that rounds to nothing.
func DeltaMoney(d float64) string {
	switch s := Money(d); {
	case strings.HasPrefix(s, "-"), isZero(s):
		return s
	default:
		return "+" + s
	}
}

// isZero reports whether a written number has no digit but 0.
func isZero(s string) bool {
	return !strings.ContainsAny(s, "123456789")
}

// shown returns v, or 0 when v rounds to 0 at the given decimals: a value
// written as zero carries no sign ("-0.0" reads as a loss that is not there).
func shown(v float64, decimals int) float64 {
	if math.Abs(v) < 0.5*math.Pow(10, -float64(decimals)) {
		return 0
	}
	return v
}

// Percent writes a probability as a percentage with one decimal, so that
// columns of probabilities line up.
func Percent(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	return strconv.FormatFloat(100*p, 'f', 1, 64) + "%"
}

// ErrorPercent writes a standard error of a probability as a percentage:
// to one decimal as Percent does, but an error that is not zero and would
// round to 0.0% keeps two significant figures ("0.032%"), so that a small
// error never reads as none.
func ErrorPercent(se float64) string {
	if v := 100 * se; v > 0 && v < 0.05 {
		return strconv.FormatFloat(v, 'f', max(2, 1-int(math.Floor(math.Log10(v)))), 64) + "%"
	}
	return Percent(se)
}

// DeltaPoints writes a change in a probability in percentage points.
func DeltaPoints(d float64) string {
	if shown(100*d, 1) == 0 {
		return "0.0 pts"
	}
	return fmt.Sprintf("%+.1f pts", 100*d)
}

// Year writes a completion year, "after 2029-30" for a trust never
// completed within the horizon (model.Never).
func Year(y, horizon model.FinancialYear) string {
	if y >= model.Never {
		return "after " + horizon.String()
	}
	return y.String()
}

// Count writes an expected number of trusts.
func Count(v float64) string {
	return strconv.FormatFloat(shown(v, 1), 'f', 1, 64)
}

// CountQuantile writes a percentile of a count of trusts, such as the P10
// of the trusts core by a year. Percentiles interpolate between iterations,
// so a count may fall between two whole numbers: it is written with one
// decimal then ("29.1"), and as a whole number otherwise ("16"), never with
// the binary noise of the interpolation (29.10000000000001).
func CountQuantile(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strings.TrimSuffix(strconv.FormatFloat(shown(v, 1), 'f', 1, 64), ".0")
}

// sign is "−" for negative amounts; Go's formatting would put the minus
// after the pound sign.
func sign(v float64) string {
	if v < 0 {
		return "-"
	}
	return ""
}

// Short writes a number compactly for a label: three significant figures,
// or a whole number from 100 up.
func Short(v float64) string {
	if math.Abs(v) >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// Param writes a distribution parameter as a person would type it: up to
// six significant figures, "–" when unset (NaN).
func Param(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// Percentile names the percentile at level p, as budgets are named: 0.8
// is "P80", 0.875 "P87.5".
func Percentile(p float64) string {
	return "P" + strconv.FormatFloat(math.Round(p*1e6)/1e4, 'f', -1, 64)
}

// MoneyRange writes a range of amounts in £m compactly, for narrow
// screens: "£3.8–7.6bn" when both ends are £1bn or more, else each end as
// Money writes it, "£850m–£1.20bn".
func MoneyRange(lo, hi float64) string {
	if lo >= 999.5 && hi >= 999.5 {
		return "£" + strconv.FormatFloat(lo/1000, 'f', 1, 64) + "–" + strconv.FormatFloat(hi/1000, 'f', 1, 64) + "bn"
	}
	return Money(lo) + "–" + Money(hi)
}

// Nouns writes a count with its noun, singular for one: "1 import note",
// "3 import notes".
func Nouns(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Int(n) + " " + noun + "s"
}

// Confidence writes a goal probability as a percentage with the digits it
// needs and no more: 0.8 is "80%", 0.875 "87.5%".
func Confidence(p float64) string {
	return strconv.FormatFloat(math.Round(p*1e6)/1e4, 'f', -1, 64) + "%"
}
