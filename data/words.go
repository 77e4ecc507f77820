package data

import (
	"fmt"
	"strings"

	"corecast/model"
)

// fillerWords are words of a trust type or region that say nothing of which
// one it is: "Acute Trust", "London Region", "NHS England – Midlands".
var fillerWords = map[string]bool{"trust": true, "trusts": true, "nhs": true, "foundation": true, "ft": true,
	"region": true, "england": true, "nhse": true, "services": true, "provider": true, "sector": true}

// wordKey normalises a word as written in a cell and drops filler words.
func wordKey(s string) string {
	var keep []string
	for w := range strings.FieldsSeq(normalName(s)) {
		if !fillerWords[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// wordKey is wordKey(s), remembered for the table: a column of types,
// regions or statuses holds a handful of texts, each on many rows.
func (c *columns) wordKey(s string) string {
	if k, ok := c.wordKeys[s]; ok {
		return k
	}
	if c.wordKeys == nil {
		c.wordKeys = map[string]string{}
	}
	k := wordKey(s)
	c.wordKeys[s] = k
	return k
}

// typeWords maps a trust type, as NHS data sources write it (after wordKey),
// to the type. Anything not listed is refused rather than guessed.
var typeWords = map[string]model.TrustType{
	"acute": model.Acute, "acute hospital": model.Acute, "acute large": model.Acute, "acute medium": model.Acute,
	"acute small": model.Acute, "acute teaching": model.Acute, "acute multi service": model.Acute,
	"mental health": model.MentalHealth, "mh": model.MentalHealth, "mental health and learning disability": model.MentalHealth,
	"mental health and learning disabilities": model.MentalHealth, "mhld": model.MentalHealth, "mental": model.MentalHealth,
	"community": model.Community, "community health": model.Community, "community service": model.Community,
	"ambulance": model.Ambulance, "ambulance service": model.Ambulance,
	"specialist": model.Specialist, "acute specialist": model.Specialist, "specialist acute": model.Specialist,
	"specialist hospital": model.Specialist,
}

// regionWords maps a region, as written (after wordKey), to the region.
var regionWords = map[string]model.Region{
	"east of": model.EastOfEngland, "east": model.EastOfEngland, "eoe": model.EastOfEngland,
	"london":                   model.London,
	"midlands":                 model.Midlands,
	"north east and yorkshire": model.NorthEastAndYorkshire, "ne and yorkshire": model.NorthEastAndYorkshire,
	"north east yorkshire": model.NorthEastAndYorkshire, "ney": model.NorthEastAndYorkshire, "ne and y": model.NorthEastAndYorkshire,
	"nee and y": model.NorthEastAndYorkshire, "north east and yorks": model.NorthEastAndYorkshire, "ne yorkshire": model.NorthEastAndYorkshire,
	"north west": model.NorthWest, "nw": model.NorthWest,
	"south east": model.SouthEast, "se": model.SouthEast,
	"south west": model.SouthWest, "sw": model.SouthWest,
}

// statusWords maps a funding status (after normalising) to the status.
var statusWords = map[string]model.FundingStatus{
	"received": model.Received, "committed": model.Committed, "planned": model.Planned,
}

// word reads a cell through a word table: the canonical name exactly, or an
// alias, which is noted. ok is false (and a problem reported) when the cell
// names none of them.
func word[T fmt.Stringer](c *columns, r row, col string, words map[string]T, ps *problemList) (T, bool) {
	var zero T
	v, ok := c.text(r, col, true, ps)
	if !ok {
		return zero, false
	}
	x, found := words[c.wordKey(v)]
	if !found {
		ps.add(c.problem(r, col, v, c.schema.field(col).want))
		return zero, false
	}
	// The canonical name as it is needs no note (and no look at its spaces:
	// a name has single spaces, so v's own are single too).
	if !strings.EqualFold(v, x.String()) && !strings.EqualFold(strings.Join(strings.Fields(v), " "), x.String()) {
		c.note(r, col, fmt.Sprintf("%q → %s", v, x.String()), "read through an alias")
	}
	return x, true
}

// ReadTrustType reads a trust type as the Trusts sheet's type column does:
// any case and punctuation, filler words ("trust", "NHS") dropped, and the
// aliases NHS data sources use ("mh", "acute teaching"). ok is false when s
// names no type.
func ReadTrustType(s string) (t model.TrustType, ok bool) {
	t, ok = typeWords[wordKey(s)]
	return t, ok
}

// ReadRegion reads a region as the Trusts sheet's region column does ("north
// west", "NW", "NHS England – North West"). ok is false when s names no
// region.
func ReadRegion(s string) (r model.Region, ok bool) {
	r, ok = regionWords[wordKey(s)]
	return r, ok
}
