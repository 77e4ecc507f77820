package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Domain is the interval of values a scenario input may take (DESIGN §4,
// Domains). Lo and Hi are ±Inf where the interval is unbounded; LoOpen
// leaves Lo itself out (unit costs > 0).
type Domain struct {
	Lo, Hi float64
	LoOpen bool
	// Noun names the input in messages ("unit costs"); empty for its key.
	Noun string
}

// Between is the closed interval lo–hi.
func Between(lo, hi float64) Domain { return Domain{Lo: lo, Hi: hi} }

// Above is the open interval > lo.
func Above(lo float64) Domain { return Domain{Lo: lo, Hi: math.Inf(1), LoOpen: true} }

// AtLeast is the interval ≥ lo.
func AtLeast(lo float64) Domain { return Domain{Lo: lo, Hi: math.Inf(1)} }

// named returns the domain with a noun for messages.
func (dom Domain) named(noun string) Domain { dom.Noun = noun; return dom }

// Bounded reports whether the domain has any bound.
func (dom Domain) Bounded() bool { return !math.IsInf(dom.Lo, -1) || !math.IsInf(dom.Hi, 1) }

// Contains reports whether v lies in the domain (NaN never does).
func (dom Domain) Contains(v float64) bool { return v == v && !dom.below(v) && !(v > dom.Hi) }

// below reports whether v lies below the domain (at Lo, too, when open).
func (dom Domain) below(v float64) bool { return v < dom.Lo || (dom.LoOpen && v == dom.Lo) }

// ClampBounds returns the least and greatest values of the domain (for an
// open lower bound, the smallest number above it).
func (dom Domain) ClampBounds() (lo, hi float64) {
	lo = dom.Lo
	if dom.LoOpen {
		lo = math.Nextafter(lo, math.Inf(1))
	}
	return lo, dom.Hi
}

// String writes the domain as DESIGN §4 does: "0–3", "> 0", "≥ 0",
// "1–100,000", or "> 0 and ≤ 100".
func (dom Domain) String() string {
	loInf, hiInf := math.IsInf(dom.Lo, -1), math.IsInf(dom.Hi, 1)
	lo := "≥ "
	if dom.LoOpen {
		lo = "> "
	}
	switch {
	case loInf && hiInf:
		return "any number"
	case loInf:
		return "≤ " + bound(dom.Hi)
	case hiInf:
		return lo + bound(dom.Lo)
	case dom.LoOpen:
		return lo + bound(dom.Lo) + " and ≤ " + bound(dom.Hi)
	}
	return bound(dom.Lo) + "–" + bound(dom.Hi)
}

// interval reports whether the domain is a closed interval lo–hi.
func (dom Domain) interval() bool {
	return !math.IsInf(dom.Lo, -1) && !math.IsInf(dom.Hi, 1) && !dom.LoOpen
}

// want says what a value must be, e.g. "unit costs > 0" or "optimism_bias
// within 0–3".
func (dom Domain) want(key string) string {
	noun := dom.Noun
	if noun == "" {
		noun = key
	}
	if dom.interval() {
		return noun + " within " + dom.String()
	}
	return noun + " " + dom.String()
}

// checkValue returns a problem with v, e.g. "1.5 is outside 0–1", or "".
func (dom Domain) checkValue(v float64) string { return dom.check(number(v), v) }

// check returns a problem with v, written as text, or "".
func (dom Domain) check(text string, v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Sprintf("%s is not a finite number", text)
	case dom.Contains(v):
		return ""
	case dom.interval():
		return fmt.Sprintf("%s is outside %s", text, dom)
	case dom.below(v) && dom.LoOpen:
		return fmt.Sprintf("%s is not above %s", text, bound(dom.Lo))
	case dom.below(v):
		return fmt.Sprintf("%s is below %s", text, bound(dom.Lo))
	}
	return fmt.Sprintf("%s is above %s", text, bound(dom.Hi))
}

// tailShare is the probability the DESIGN allows an unbounded distribution
// outside its domain in each tail: its 0.01% and 99.99% quantiles must lie inside.
const tailShare = 1e-4

// checkDistribution returns a problem with a valid distribution d of the
// input key, or "": a bounded distribution must lie inside the domain, an
// unbounded one must have its 0.01% and 99.99% quantiles inside. The problem
// gives the share of probability outside, e.g. `normal(mean 0.1, sd 5) puts
// 49% of its probability at or below 0; want unit costs > 0`.
func (dom Domain) checkDistribution(key string, d Distribution) string {
	var outLo, outHi bool
	if d.Kind.Bounded() {
		lo, _, hi := d.Range()
		outLo = lo < dom.Lo || (d.Kind == Fixed && dom.below(lo))
		outHi = hi > dom.Hi
	} else {
		outLo = !math.IsInf(dom.Lo, -1) && dom.below(d.quantile(tailShare))
		outHi = !math.IsInf(dom.Hi, 1) && d.quantile(1-tailShare) > dom.Hi
	}
	if !outLo && !outHi {
		return ""
	}
	var share float64
	var where string
	switch {
	case outLo && outHi:
		share = d.cdf(dom.Lo) + d.survival(dom.Hi)
		where = "outside " + dom.String()
	case outLo && dom.LoOpen:
		share = d.cdf(dom.Lo)
		where = "at or below " + bound(dom.Lo)
	case outLo:
		share = d.cdf(dom.Lo)
		if d.Kind == Fixed {
			share = 1 // F(lo) counts the value itself, which is below lo
		}
		where = "below " + bound(dom.Lo)
	default:
		share = d.survival(dom.Hi)
		where = "above " + bound(dom.Hi)
	}
	return fmt.Sprintf("%s puts %s of its probability %s; want %s", d, percent(share), where, dom.want(key))
}

// ClampNote says how draws of d are kept inside the domain, e.g. "normal
// draws clamped to the domain 0–3", or "" when d's draws cannot leave it
// (a bounded distribution, which validation keeps inside).
func (dom Domain) ClampNote(d Distribution) string {
	if !dom.Clamps(d) {
		return ""
	}
	return fmt.Sprintf("%s draws clamped to the domain %s", d.Kind, dom)
}

// Clamps reports whether draws of d are clamped to the domain: d is
// unbounded on a side where the domain has a bound.
func (dom Domain) Clamps(d Distribution) bool {
	switch d.Kind {
	case Normal:
		return dom.Bounded()
	case Lognormal: // its draws are all above 0
		return dom.Lo > 0 || !math.IsInf(dom.Hi, 1)
	}
	return false
}

// percent writes a share of probability for a message: whole percents from
// 10% to 99%, two significant figures below, and "under 0.01%" or "over
// 99.99%" at the ends.
func percent(p float64) string {
	pct := 100 * p
	switch {
	case p >= 1:
		return "100%"
	case pct > 99.99:
		return "over 99.99%"
	case pct > 99:
		return strconv.FormatFloat(math.Floor(pct*100)/100, 'f', -1, 64) + "%"
	case pct >= 10:
		return strconv.FormatFloat(math.Round(pct), 'f', 0, 64) + "%"
	case pct < 0.01:
		return "under 0.01%"
	}
	return strconv.FormatFloat(pct, 'g', 2, 64) + "%"
}

// bound writes a domain bound, grouping the thousands of a large whole
// number: "0.25", "100,000".
func bound(v float64) string {
	if v != math.Trunc(v) || math.Abs(v) < 10_000 || math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(v)), 10)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// number writes a value found in a scenario for a message, a whole number
// in all its digits.
func number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
