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
// Unlike a heading, a word keeps what it holds in brackets: "Acute
// (specialist)" is a specialist trust, and reading it as "Acute" would load
// it as the wrong type without a word.
func wordKey(s string) string {
	if strings.ContainsAny(s, "([") {
		s = strings.NewReplacer("(", " ", ")", " ", "[", " ", "]", " ").Replace(s)
	}
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

// wordTable is how a column of words is read: the words (after wordKey) and
// the qualifiers that may stand beside one without changing it, as in
// "Planned - indicative" or "London Commissioning Region". A qualifier in
// against says the line does not stand as written ("withdrawn"); any other
// qualifier is unknown. Either is a problem: a qualifier is part of the word.
type wordTable[T fmt.Stringer] struct {
	words   map[string]T
	keep    map[string]bool
	against map[string]bool
}

// typeWords are the trust types as NHS data sources write them. Anything
// not listed is refused rather than guessed.
var typeWords = wordTable[model.TrustType]{
	words: map[string]model.TrustType{
		"acute": model.Acute, "acute hospital": model.Acute, "acute large": model.Acute, "acute medium": model.Acute,
		"acute small": model.Acute, "acute teaching": model.Acute, "acute multi service": model.Acute,
		"mental health": model.MentalHealth, "mh": model.MentalHealth, "mental health and learning disability": model.MentalHealth,
		"mental health and learning disabilities": model.MentalHealth, "mhld": model.MentalHealth, "mental": model.MentalHealth,
		"community": model.Community, "community health": model.Community, "community service": model.Community,
		"ambulance": model.Ambulance, "ambulance service": model.Ambulance,
		"specialist": model.Specialist, "acute specialist": model.Specialist, "specialist acute": model.Specialist,
		"specialist hospital": model.Specialist,
	},
	keep: setOf("small", "medium", "large", "teaching", "multi service", "multiservice", "general", "district general",
		"dgh", "hospital", "hospitals", "university", "university hospital", "university hospitals", "teaching hospital",
		"teaching hospitals", "non teaching", "services", "care"),
}

// regionWords are the seven regions as NHS England, ODS and ONS write them:
// "London", "NHS England North West", "LONDON COMMISSIONING REGION", the
// ODS codes (Y56) and the ONS codes (E40000003).
var regionWords = wordTable[model.Region]{
	words: map[string]model.Region{
		"east of": model.EastOfEngland, "east": model.EastOfEngland, "eoe": model.EastOfEngland,
		"y61": model.EastOfEngland, "e40000007": model.EastOfEngland,
		"london": model.London, "y56": model.London, "e40000003": model.London,
		"midlands": model.Midlands, "y60": model.Midlands, "e40000008": model.Midlands,
		"north east and yorkshire": model.NorthEastAndYorkshire, "ne and yorkshire": model.NorthEastAndYorkshire,
		"north east yorkshire": model.NorthEastAndYorkshire, "ney": model.NorthEastAndYorkshire, "ne and y": model.NorthEastAndYorkshire,
		"nee and y": model.NorthEastAndYorkshire, "north east and yorks": model.NorthEastAndYorkshire, "ne yorkshire": model.NorthEastAndYorkshire,
		"y63": model.NorthEastAndYorkshire, "e40000009": model.NorthEastAndYorkshire,
		"north west": model.NorthWest, "nw": model.NorthWest, "y62": model.NorthWest, "e40000010": model.NorthWest,
		"south east": model.SouthEast, "se": model.SouthEast, "y59": model.SouthEast, "e40000005": model.SouthEast,
		"south west": model.SouthWest, "sw": model.SouthWest, "y58": model.SouthWest, "e40000006": model.SouthWest,
	},
	keep: setOf("commissioning", "regional", "regional team", "team", "office", "directorate", "nhs improvement",
		"nhsi", "and nhs improvement", "nhsei", "ei", "and improvement", "improvement", "ods", "ons"),
}

// statusWords are the funding statuses, and the qualifiers analysts write
// beside them: "Planned - indicative", "Committed (signed MoU)".
var statusWords = wordTable[model.FundingStatus]{
	words: map[string]model.FundingStatus{"received": model.Received, "committed": model.Committed, "planned": model.Planned},
	keep: setOf("indicative", "provisional", "provisionally", "draft", "estimate", "estimated", "forecast", "expected",
		"anticipated", "subject to approval", "subject to business case", "subject to business case approval",
		"subject to sign off", "pending approval", "awaiting approval", "in principle", "agreed in principle",
		"agreed", "approved", "confirmed", "signed", "signed mou", "mou signed", "mou", "mou agreed", "contracted",
		"contract signed", "allocated", "awarded", "paid", "in full", "full", "fully", "final", "spent", "drawn down",
		"invoiced", "tbc", "to be confirmed", "not yet received", "not yet paid", "awaiting payment", "to be received",
		"not yet approved", "not yet signed", "in year", "part", "partial", "partially", "funds received",
		"cash received", "letter", "award letter", "grant letter", "grant agreement", "capital", "revenue"),
	against: setOf("withdrawn", "cancelled", "canceled", "rejected", "declined", "not", "no", "unapproved", "lapsed",
		"hold", "paused", "returned", "clawed", "clawback", "superseded", "removed", "duplicate", "void",
		"unsuccessful", "deleted", "reversed", "retracted", "stopped", "dropped", "closed"),
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// wordRead is how a word cell was read: the word and, when the cell wrote
// it with a qualifier, that qualifier.
type wordRead[T fmt.Stringer] struct {
	word      T
	qualifier string
}

// read reads a word (after wordKey) through the table. A word written with
// a qualifier before or after it ("Planned indicative", "Provisionally
// committed", "London commissioning") is the word when the qualifier is
// known to keep it, or names the same word again ("Mental health (MH)").
// why says, when ok is false, what stands in the way; it is empty when the
// text names no word at all.
func (wt wordTable[T]) read(key string) (w wordRead[T], why string, ok bool) {
	if x, found := wt.words[key]; found {
		return wordRead[T]{word: x}, "", true
	}
	ws := strings.Fields(key)
	// The longest word the text starts or ends with, and the rest.
	for n := len(ws) - 1; n >= 1; n-- {
		for _, split := range [][2][]string{{ws[:n], ws[n:]}, {ws[len(ws)-n:], ws[:len(ws)-n]}} {
			base, rest := strings.Join(split[0], " "), strings.Join(split[1], " ")
			x, found := wt.words[base]
			if !found {
				continue
			}
			if y, also := wt.words[rest]; also {
				if y.String() == x.String() {
					return wordRead[T]{word: x, qualifier: rest}, "", true
				}
				return w, fmt.Sprintf("it names both %s and %s", x, y), false
			}
			if wt.keep[rest] {
				return wordRead[T]{word: x, qualifier: rest}, "", true
			}
			for _, q := range split[1] {
				if wt.against[q] {
					return w, fmt.Sprintf("its qualifier %q says the line does not stand as %s: remove the row, or strike it through", rest, x), false
				}
			}
			return w, fmt.Sprintf("its qualifier %q is not one corecast knows to leave it %s: write the word alone if it is, or correct it", rest, x), false
		}
	}
	return w, "", false
}

// word reads a cell through a word table: the canonical name exactly, or an
// alias or a word with a qualifier that keeps it, which is noted. ok is
// false (and a problem reported) when the cell names none of them.
func word[T fmt.Stringer](c *columns, r row, col string, wt wordTable[T], ps *problemList) (T, bool) {
	var zero T
	v, ok := c.text(r, col, true, ps)
	if !ok {
		return zero, false
	}
	got, why, found := wt.read(c.wordKey(v))
	if !found {
		want := c.schema.field(col).want
		if why != "" {
			want += "; " + why
		}
		ps.add(c.problem(r, col, v, want))
		return zero, false
	}
	x := got.word
	switch {
	case got.qualifier != "":
		c.note(r, col, fmt.Sprintf("%q → %s", v, x.String()), "a word with a qualifier that leaves it as it is, read as the word")
	case strings.EqualFold(v, x.String()) || strings.EqualFold(strings.Join(strings.Fields(v), " "), x.String()):
		// The canonical name as it is needs no note (and no look at its
		// spaces: a name has single spaces, so v's own are single too).
	default:
		c.note(r, col, fmt.Sprintf("%q → %s", v, x.String()), "read through an alias")
	}
	return x, true
}

// ReadTrustType reads a trust type as the Trusts sheet's type column does:
// any case and punctuation, filler words ("trust", "NHS") dropped, and the
// aliases NHS data sources use ("mh", "acute teaching"). ok is false when s
// names no type.
func ReadTrustType(s string) (t model.TrustType, ok bool) {
	w, _, ok := typeWords.read(wordKey(s))
	return w.word, ok
}

// ReadRegion reads a region as the Trusts sheet's region column does ("north
// west", "NW", "NHS England – North West"). ok is false when s names no
// region.
func ReadRegion(s string) (r model.Region, ok bool) {
	w, _, ok := regionWords.read(wordKey(s))
	return w.word, ok
}
