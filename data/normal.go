package data

import (
	"regexp"
	"strings"
	"unicode"
)

// normalName normalises a heading, sheet name or word for matching: lower
// case, "&" read as "and", anything in brackets removed, punctuation as
// spaces, runs of spaces as one. "Opex (£m)" and "opex_m" give "opex" and
// "opex m"; "North East & Yorkshire" gives "north east and yorkshire".
// Every code, name, type and region cell passes through here, so it makes
// one pass over the text and leaves the regular expression for the texts
// that hold a bracket.
func normalName(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "([") {
		s = bracketed.ReplaceAllString(s, " ")
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	gap := false // a separator is due before the next word
	word := func() {
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word()
			b.WriteRune(r)
		case r == '&':
			gap = true
			word()
			b.WriteString("and")
			gap = true
		default:
			gap = true
		}
	}
	return b.String()
}

// bracketed matches text in round or square brackets.
var bracketed = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)

// moneyUnit is a unit a heading or map file can name: how many £m one unit is.
type moneyUnit struct {
	name  string  // as corecast writes it: "£000", "£m", "£bn"
	scale float64 // £m per unit
}

var (
	unitThousands = moneyUnit{"£000", 0.001}
	unitMillions  = moneyUnit{"£m", 1}
	unitBillions  = moneyUnit{"£bn", 1000}
)

// parseUnit reads a money unit as written in a heading's brackets or a map
// file: £000, £'000, £000s, £k, thousands; £m, £mn, millions; £bn, billions.
// The pound sign and "GBP" are optional.
func parseUnit(s string) (moneyUnit, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.NewReplacer("£", "", "gbp", "", "'", "", "’", "", " ", "", ".", "").Replace(t)
	switch t {
	case "000", "000s", "k", "thousand", "thousands", "ks":
		return unitThousands, true
	case "m", "mn", "ms", "million", "millions", "mil", "mill":
		return unitMillions, true
	case "bn", "b", "billion", "billions", "bns":
		return unitBillions, true
	}
	return moneyUnit{}, false
}

// poundUnit finds a unit written with a pound sign outside brackets, as in
// "Opex £000" or "Opex £m".
var poundUnit = regexp.MustCompile(`(?i)£\s*('?000s?|k|mn|m|bn|millions?|billions?|thousands?)\b`)

// headingUnit returns the money unit a heading names, if any: in brackets,
// "(£000)", or after a pound sign, "£000".
func headingUnit(h string) (moneyUnit, bool) {
	for _, m := range bracketed.FindAllString(h, -1) {
		if u, ok := parseUnit(m[1 : len(m)-1]); ok {
			return u, true
		}
	}
	if m := poundUnit.FindString(h); m != "" {
		return parseUnit(m)
	}
	return moneyUnit{}, false
}

// headingName normalises a heading with any pound-sign unit removed, so that
// "Opex £000" matches opex.
func headingName(h string) string {
	return normalName(poundUnit.ReplaceAllString(h, " "))
}
